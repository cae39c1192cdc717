// Code-based routes. Pages are loaded on demand; the shell and the login page
// come with the first download.
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { LoginPage } from './features/auth/LoginPage';
import { homePath, meQueryOptions } from './features/auth/session';
import { AppLayout } from './features/shell/AppLayout';
import { NotFound, PageError, PageLoading } from './components/PageState';
import { isUnauthenticated, onUnauthenticated } from './lib/api';
import { queryClient } from './lib/queryClient';
import { parsePlanSearch } from './features/plans/planFilters';
import { parseIndicatorSearch } from './features/indicators/indicatorSearch';
import { parseProvinceReportsSearch, parseReportsSearch } from './features/reports/reportSearch';
import { parseFindingsSearch, parseInspectionSearch, parseInspectionsSearch } from './features/inspections/inspectionSearch';
import { parseInitiativesSearch } from './features/initiatives/initiativeSearch';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: typeof search.redirect === 'string' && search.redirect.startsWith('/') ? search.redirect : undefined,
  }),
  component: LoginPage,
});

// The citizens' rating page (from the QR code at the one-stop counter): no sign-in, no shell.
const publicRatingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/danh-gia/$orgCode',
  component: lazyRouteComponent(() => import('./features/ratings/PublicRatingPage'), 'PublicRatingPage'),
});

// The province's published PAR-index ranking: no sign-in, no shell.
const publicParResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cong-khai/chi-so-cchc/$provinceCode',
  validateSearch: (search: Record<string, unknown>): { year?: number } => {
    const year = Number(search.year);
    return { year: Number.isInteger(year) && year > 2000 ? year : undefined };
  },
  component: lazyRouteComponent(() => import('./features/par-index/PublicParResultsPage'), 'PublicParResultsPage'),
});

// A commune's public page (plan, progress by area, results): no sign-in, no shell.
const publicCommuneRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cong-khai/$orgCode',
  component: lazyRouteComponent(() => import('./features/public-commune/PublicCommunePage'), 'PublicCommunePage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQueryOptions);
      return { me };
    } catch (error) {
      if (isUnauthenticated(error)) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
  },
  component: AppLayout,
  errorComponent: PageError,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homePath(context.me) });
  },
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plans',
  validateSearch: (search: Record<string, unknown>): { year?: number } => {
    const year = Number(search.year);
    return { year: Number.isInteger(year) && year > 2000 ? year : undefined };
  },
  component: lazyRouteComponent(() => import('./features/plans/PlanListPage'), 'PlanListPage'),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plans/import',
  component: lazyRouteComponent(() => import('./features/imports/ImportPage'), 'ImportPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plans/$planId',
  validateSearch: parsePlanSearch,
  component: lazyRouteComponent(() => import('./features/plans/PlanView'), 'PlanView'),
});

const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tasks/$taskId',
  component: lazyRouteComponent(() => import('./features/tasks/TaskView'), 'TaskView'),
});

const myTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'my-tasks',
  component: lazyRouteComponent(() => import('./features/tasks/MyTasksPage'), 'MyTasksPage'),
});

const extensionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'extensions',
  component: lazyRouteComponent(() => import('./features/extensions/ExtensionsPage'), 'ExtensionsPage'),
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dashboard',
  validateSearch: (search: Record<string, unknown>): { year?: number } => {
    const year = Number(search.year);
    return { year: Number.isInteger(year) && year > 2000 ? year : undefined };
  },
  component: lazyRouteComponent(() => import('./features/dashboard/DashboardPage'), 'DashboardPage'),
});

const indicatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'indicators',
  validateSearch: parseIndicatorSearch,
  component: lazyRouteComponent(() => import('./features/indicators/IndicatorsPage'), 'IndicatorsPage'),
});

// Dữ liệu một cửa: importing the one-stop exports, and the monthly results table.
const recordsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'records',
  component: lazyRouteComponent(() => import('./features/records/RecordsPage'), 'RecordsPage'),
});

const recordsMonthlyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'records/monthly',
  validateSearch: (search: Record<string, unknown>): { month?: string } => ({
    month: typeof search.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month) ? search.month : undefined,
  }),
  component: lazyRouteComponent(() => import('./features/records/MonthlyResultsPage'), 'MonthlyResultsPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin',
  component: lazyRouteComponent(() => import('./features/admin/AdminPage'), 'AdminPage'),
});

// Giao cấp xã: the province's tasks given to the communes and where each commune stands (docs/cascade.md).
const cascadeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'giao-cap-xa',
  component: lazyRouteComponent(() => import('./features/cascade/ProvinceCascadePage'), 'ProvinceCascadePage'),
});

// Đơn vị trực thuộc: the province's communes, wards and legacy districts, and bulk accounts.
const orgTreeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'don-vi',
  component: lazyRouteComponent(() => import('./features/org-tree/OrgTreePage'), 'OrgTreePage'),
});

// Trang công khai: what the commune publishes on its public page.
const publicSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'trang-cong-khai',
  component: lazyRouteComponent(() => import('./features/public-commune/PublicPageSettingsPage'), 'PublicPageSettingsPage'),
});

const ratingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ratings',
  component: lazyRouteComponent(() => import('./features/ratings/RatingsPage'), 'RatingsPage'),
});

// Tổng hợp các xã: the province compares its communes (year and reform area in the address).
const provinceOverviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tong-hop',
  validateSearch: (search: Record<string, unknown>): { year?: number; area?: string } => {
    const year = Number(search.year);
    return { year: Number.isInteger(year) && year > 2000 ? year : undefined, area: typeof search.area === 'string' && /^[a-z-]{1,40}$/.test(search.area) ? search.area : undefined };
  },
  component: lazyRouteComponent(() => import('./features/province-dashboard/ProvinceDashboardPage'), 'ProvinceDashboardPage'),
});

// Chỉ số CCHC: a commune's assessments by year; province users go to the results table.
const parListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'chi-so-cchc',
  beforeLoad: ({ context }) => {
    if (context.me.org.kind === 'province') throw redirect({ to: '/chi-so-cchc/ket-qua', search: {} });
  },
  component: lazyRouteComponent(() => import('./features/par-index/ParListPage'), 'ParListPage'),
});

const parResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'chi-so-cchc/ket-qua',
  validateSearch: (search: Record<string, unknown>): { year?: number } => {
    const year = Number(search.year);
    return { year: Number.isInteger(year) && year > 2000 ? year : undefined };
  },
  component: lazyRouteComponent(() => import('./features/par-index/ParResultsPage'), 'ParResultsPage'),
});

// One assessment: the criteria tree, each stage's values and evidence, the moves of the process.
const parAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'chi-so-cchc/$assessmentId',
  component: lazyRouteComponent(() => import('./features/par-index/AssessmentPage'), 'AssessmentPage'),
});

// Báo cáo định kỳ: a commune's four reports of a year, one report, and the province's follow-up.
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'bao-cao',
  validateSearch: parseReportsSearch,
  beforeLoad: ({ context }) => {
    if (context.me.org.kind === 'province') throw redirect({ to: '/bao-cao/tinh', search: {} });
  },
  component: lazyRouteComponent(() => import('./features/reports/ReportsPage'), 'ReportsPage'),
});

const provinceReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'bao-cao/tinh',
  validateSearch: parseProvinceReportsSearch,
  component: lazyRouteComponent(() => import('./features/reports/ProvinceReportsPage'), 'ProvinceReportsPage'),
});

const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'bao-cao/$reportId',
  component: lazyRouteComponent(() => import('./features/reports/ReportPage'), 'ReportPage'),
});

// Kiểm tra CCHC: the year's inspection plan with coverage, one inspection with its findings, the follow-up of findings.
const inspectionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'kiem-tra',
  validateSearch: parseInspectionsSearch,
  component: lazyRouteComponent(() => import('./features/inspections/InspectionsPage'), 'InspectionsPage'),
});

const findingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'kiem-tra/van-de',
  validateSearch: parseFindingsSearch,
  component: lazyRouteComponent(() => import('./features/inspections/FindingsPage'), 'FindingsPage'),
});

const inspectionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'kiem-tra/$inspectionId',
  validateSearch: parseInspectionSearch,
  component: lazyRouteComponent(() => import('./features/inspections/InspectionPage'), 'InspectionPage'),
});

// Sáng kiến: the year's initiatives, counted per unit against the call's deadline.
const initiativesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sang-kien',
  validateSearch: parseInitiativesSearch,
  component: lazyRouteComponent(() => import('./features/initiatives/InitiativesPage'), 'InitiativesPage'),
});

// Thi đua: campaigns of a year and one campaign with every participant against every criterion.
const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thi-dua',
  validateSearch: (search: Record<string, unknown>): { year?: number } => {
    const year = Number(search.year);
    return { year: Number.isInteger(year) && year > 2000 && year < 2100 ? year : undefined };
  },
  component: lazyRouteComponent(() => import('./features/emulation/CampaignsPage'), 'CampaignsPage'),
});

const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thi-dua/$campaignId',
  component: lazyRouteComponent(() => import('./features/emulation/CampaignPage'), 'CampaignPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicRatingRoute,
  publicParResultsRoute,
  publicCommuneRoute,
  appRoute.addChildren([
    indexRoute,
    plansRoute,
    importRoute,
    planRoute,
    taskRoute,
    myTasksRoute,
    extensionsRoute,
    dashboardRoute,
    provinceOverviewRoute,
    recordsRoute,
    recordsMonthlyRoute,
    indicatorsRoute,
    adminRoute,
    orgTreeRoute,
    cascadeRoute,
    ratingsRoute,
    publicSettingsRoute,
    parListRoute,
    parResultsRoute,
    parAssessmentRoute,
    reportsRoute,
    provinceReportsRoute,
    reportRoute,
    inspectionsRoute,
    findingsRoute,
    inspectionRoute,
    initiativesRoute,
    campaignsRoute,
    campaignRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: PageLoading,
  defaultErrorComponent: PageError,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// A request answering 401 ends the session on this screen: back to the login page.
onUnauthenticated(() => {
  const { pathname, href } = router.state.location;
  if (pathname === '/login') return;
  queryClient.clear();
  void router.navigate({ to: '/login', search: { redirect: href } });
});
