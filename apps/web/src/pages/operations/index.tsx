import { Route, Routes } from 'react-router';
import { Operation } from './Operation';
import { Operations } from './Operations';

/** Police drug-sale operations (police only). */
export default function OperationsArea() {
  return (
    <Routes>
      <Route index element={<Operations />} />
      <Route path=":id" element={<Operation />} />
    </Routes>
  );
}
