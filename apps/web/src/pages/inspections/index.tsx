import { Route, Routes } from 'react-router';
import { InspectionProtocol, Inspections } from './Inspections';

/** Alcohol licence supervision: inspections, premises, the plan, the calendar and sanction cases. */
export default function InspectionsArea() {
  return (
    <Routes>
      <Route index element={<Inspections />} />
      <Route path=":id" element={<InspectionProtocol />} />
    </Routes>
  );
}
