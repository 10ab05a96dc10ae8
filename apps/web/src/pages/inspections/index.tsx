import { Outlet, Route, Routes } from 'react-router';
import { InspectionCalendar } from './Calendar';
import { InspectionProtocol, Inspections } from './Inspections';
import { SupervisionPlan } from './Plan';
import { PremisesRegister, PremisesView } from './Premises';
import { ReferralView, TipsAndReferrals, TipView } from './Referrals';
import { InspectionReport } from './Report';
import { SanctionCases, SanctionCaseView } from './Sanctions';
import { ScheduleInspection } from './Schedule';
import { LicenceHolderPage, LicenceHolders } from './Licences';
import { LicencePage } from './LicencesLicence';
import { RestaurantReports } from './RestaurantReports';
import { AreaNav, Allowed } from './shared';
import './inspections.css';

/** Every screen of the area under its sub-navigation. */
function Layout() {
  return (
    <>
      <AreaNav />
      <Outlet />
    </>
  );
}

/** Alcohol licence supervision: inspections, premises, the plan, the calendar and sanction cases; each screen for the permission it needs. */
export default function InspectionsArea() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <Allowed permission="inspection:read">
              <Inspections />
            </Allowed>
          }
        />
        <Route
          path="calendar"
          element={
            <Allowed permission="inspection:read">
              <InspectionCalendar />
            </Allowed>
          }
        />
        <Route
          path="new"
          element={
            <Allowed permission="inspection:plan">
              <ScheduleInspection />
            </Allowed>
          }
        />
        <Route
          path="premises"
          element={
            <Allowed permission="premises:read">
              <PremisesRegister />
            </Allowed>
          }
        />
        <Route
          path="premises/:id"
          element={
            <Allowed permission="premises:read">
              <PremisesView />
            </Allowed>
          }
        />
        <Route
          path="plan"
          element={
            <Allowed permission="inspection:read">
              <SupervisionPlan />
            </Allowed>
          }
        />
        <Route
          path="sanctions"
          element={
            <Allowed permission="premises:read">
              <SanctionCases />
            </Allowed>
          }
        />
        <Route
          path="sanctions/:id"
          element={
            <Allowed permission="premises:read">
              <SanctionCaseView />
            </Allowed>
          }
        />
        {/* Licences and restaurant reports */}
        <Route
          path="licences"
          element={
            <Allowed permission="premises:read">
              <LicenceHolders />
            </Allowed>
          }
        />
        <Route
          path="licences/holders/:id"
          element={
            <Allowed permission="premises:read">
              <LicenceHolderPage />
            </Allowed>
          }
        />
        <Route
          path="licences/:id"
          element={
            <Allowed permission="premises:read">
              <LicencePage />
            </Allowed>
          }
        />
        <Route
          path="restaurant-reports"
          element={
            <Allowed permission="premises:read">
              <RestaurantReports />
            </Allowed>
          }
        />
        <Route
          path="referrals"
          element={
            <Allowed permission="premises:manage">
              <TipsAndReferrals />
            </Allowed>
          }
        />
        <Route
          path="referrals/:id"
          element={
            <Allowed permission="premises:manage">
              <ReferralView />
            </Allowed>
          }
        />
        <Route
          path="tips/:id"
          element={
            <Allowed permission="premises:manage">
              <TipView />
            </Allowed>
          }
        />
        <Route
          path=":id"
          element={
            <Allowed permission="inspection:read">
              <InspectionProtocol />
            </Allowed>
          }
        />
        <Route
          path=":id/report"
          element={
            <Allowed permission="inspection:read">
              <InspectionReport />
            </Allowed>
          }
        />
      </Route>
    </Routes>
  );
}
