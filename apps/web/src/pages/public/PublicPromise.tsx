import { EmptyState, PageTitle } from '../../components/common';

/** The promise as the public sees it: no sign-in. */
export default function PublicPromise() {
  return <><PageTitle>Medborgarlöfte</PageTitle><EmptyState>Kommer snart.</EmptyState></>;
}
