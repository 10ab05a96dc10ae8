import { Route, Routes } from 'react-router';
import { YouthCase, YouthCases } from './YouthCases';

/** Youth cases shared by social services and the police (consent or a statutory ground). */
export default function YouthArea() {
  return (
    <Routes>
      <Route index element={<YouthCases />} />
      <Route path=":id" element={<YouthCase />} />
    </Routes>
  );
}
