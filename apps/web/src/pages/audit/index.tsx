import { EmptyState, PageTitle } from '../../components/common';

/** The audit trail and its chain verification (auditors). */
export default function AuditArea() {
  return <><PageTitle>Granskningslogg</PageTitle><EmptyState>Kommer snart.</EmptyState></>;
}
