import { Route, Routes } from 'react-router';
import { Operation } from './Operation';
import { Operations } from './Operations';
import { ProposeOperation } from './ProposeOperation';
import './operations.css';

/** Police drug-sale operations (police only): the list, proposing one, and one operation. */
export default function OperationsArea() {
  return (
    <Routes>
      <Route index element={<Operations />} />
      <Route path="new" element={<ProposeOperation />} />
      <Route path=":id" element={<Operation />} />
    </Routes>
  );
}
