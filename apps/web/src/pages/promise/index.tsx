import { Route, Routes } from 'react-router';
import { ActionPage } from './Action';
import { ActionsPage } from './Actions';
import { ActivitiesPage } from './Activities';
import { ActivityReportPage } from './ActivityReport';
import { FollowUpPage } from './FollowUp';
import { FollowUpsPage } from './FollowUps';
import { PlanPage } from './Plan';
import { PromisePage } from './Promise';
import './promise.css';

/** The citizen promise: its commitments and progress, actions, activities and the yearly follow-up. */
export default function PromiseArea() {
  return (
    <Routes>
      <Route index element={<PromisePage />} />
      <Route path="plan" element={<PlanPage />} />
      <Route path="actions" element={<ActionsPage />} />
      <Route path="actions/:id" element={<ActionPage />} />
      <Route path="activities" element={<ActivitiesPage />} />
      <Route path="activities/:id" element={<ActivityReportPage />} />
      <Route path="follow-ups" element={<FollowUpsPage />} />
      <Route path="follow-ups/:id" element={<FollowUpPage />} />
    </Routes>
  );
}
