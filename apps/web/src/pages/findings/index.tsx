import { Route, Routes } from 'react-router';
import { FindingPage } from './Finding';
import { FindingsPage } from './Findings';
import '../promise/promise.css';
import './findings.css';

/** The findings register (issue #20): the list and one finding followed through to done. */
export default function FindingsArea() {
  return (
    <Routes>
      <Route index element={<FindingsPage />} />
      <Route path=":id" element={<FindingPage />} />
    </Routes>
  );
}
