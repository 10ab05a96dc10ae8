import { Route, Routes } from 'react-router';
import { Caseload } from './Caseload';
import { NewCase } from './NewCase';
import { ReportOfConcern } from './ReportOfConcern';
import { YouthCase, YouthCases } from './YouthCases';
import './youth.css';

/** Youth cases shared by social services and the police (consent or a statutory ground). */
export default function YouthArea() {
  return (
    <Routes>
      <Route index element={<YouthCases />} />
      <Route path="new" element={<NewCase />} />
      <Route path="caseload" element={<Caseload />} />
      <Route path="report-of-concern" element={<ReportOfConcern />} />
      <Route path=":id" element={<YouthCase />} />
    </Routes>
  );
}
