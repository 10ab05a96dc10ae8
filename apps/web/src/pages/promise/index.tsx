import { Route, Routes } from 'react-router';
import { PromisePage } from './Promise';

/** The citizen promise: its commitments and progress, actions, activities and the yearly follow-up. */
export default function PromiseArea() {
  return (
    <Routes>
      <Route index element={<PromisePage />} />
    </Routes>
  );
}
