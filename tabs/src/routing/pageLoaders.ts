import type { PageName } from './useHashRoute';

// Each page is its own chunk, loaded when first shown.

export const pageLoaders = {
  home: () => import('../pages/home/HomePage'),
  register: () => import('../pages/register/RegisterPage'),
  case: () => import('../pages/case/CasePage'),
  caseByRef: () => import('../pages/case/CaseByRefPage'),
  refer: () => import('../pages/refer/ReferralPage'),
  screening: () => import('../pages/screening/ScreeningPage'),
  actions: () => import('../pages/actions/ActionsPage'),
  meetings: () => import('../pages/meetings/MeetingsPage'),
  meeting: () => import('../pages/meeting/MeetingPage'),
  meetingPanel: () => import('../pages/meeting/SidePanelPage'),
  meetingStage: () => import('../pages/meeting/StagePage'),
  config: () => import('../pages/config/ConfigPage'),
  reports: () => import('../pages/reports/ReportsPage'),
  learning: () => import('../pages/learning/LearningPage'),
  plan: () => import('../pages/plan/PlanPage'),
  admin: () => import('../pages/admin/AdminPage'),
  import: () => import('../pages/import/ImportPage'),
} satisfies Partial<Record<PageName, () => Promise<unknown>>>;
