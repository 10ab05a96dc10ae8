import { EmptyState, PageTitle } from '../../components/common';

/** Released outcome summaries of police operations: what reaches the joint follow-up. */
export default function OperationSummaries() {
  return <><PageTitle>Insatsresultat</PageTitle><EmptyState>Kommer snart.</EmptyState></>;
}
