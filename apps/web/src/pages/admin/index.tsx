import { Route, Routes } from 'react-router';
import { EmptyState, PageTitle } from '../../components/common';

/** Administration: users and memberships, the role catalogue, reminder rules. */
export default function AdminArea() {
  return (
    <Routes>
      <Route index element={<><PageTitle>Administration</PageTitle><EmptyState>Kommer snart.</EmptyState></>} />
    </Routes>
  );
}
