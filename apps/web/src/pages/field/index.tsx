import { Route, Routes } from 'react-router';
import { NewFieldActivity } from './NewFieldActivity';
import './field.css';

/** Recording in the field, on a phone: a round, a safety walk, a speed check. */
export default function FieldArea() {
  return (
    <Routes>
      <Route path="new/:kind" element={<NewFieldActivity />} />
    </Routes>
  );
}
