// The console shell after login: the role-scoped menu, the header and the screens' routes. Each
// route names the roles that may see it; the menu shows only those. Loaded apart from the login page.
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BulbOutlined,
  CommentOutlined,
  DashboardOutlined,
  HomeOutlined,
  LikeOutlined,
  LineChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CompassOutlined,
  ClockCircleOutlined,
  FileSearchOutlined,
  FireOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  InboxOutlined,
  NotificationOutlined,
  PercentageOutlined,
  PhoneOutlined,
  SendOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { type ConsoleScreen, mayOpenScreen } from '@jiesu/core';
import { Badge, Button, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { BadgesProvider, NotificationBell, useBadges } from './components/notification-bell';
import { useI18n } from './i18n/i18n';
import { ROLE_LABELS } from './i18n/labels';
import type { StringKey } from './i18n/strings';
import { useReference } from './reference';

// Every screen is its own chunk, loaded when its route is first opened: the login page pulls no
// screen code, and ECharts only comes with the screens that draw charts.
const CalendarPage = lazy(() => import('./pages/admin/calendar-page').then((m) => ({ default: m.CalendarPage })));
const AuditPage = lazy(() => import('./pages/admin/audit-page').then((m) => ({ default: m.AuditPage })));
const CasePolicyPage = lazy(() => import('./pages/admin/case-policy-page').then((m) => ({ default: m.CasePolicyPage })));
const CategoriesPage = lazy(() => import('./pages/admin/categories-page').then((m) => ({ default: m.CategoriesPage })));
const DutyListsPage = lazy(() => import('./pages/admin/duty-lists-page').then((m) => ({ default: m.DutyListsPage })));
const IntakeRulesPage = lazy(() => import('./pages/admin/intake-rules-page').then((m) => ({ default: m.IntakeRulesPage })));
const KnowledgePage = lazy(() => import('./pages/admin/knowledge-page').then((m) => ({ default: m.KnowledgePage })));
const OrgPage = lazy(() => import('./pages/admin/org-page').then((m) => ({ default: m.OrgPage })));
const UsersPage = lazy(() => import('./pages/admin/users-page').then((m) => ({ default: m.UsersPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const CaseDetailPage = lazy(() => import('./pages/cases/case-detail-page').then((m) => ({ default: m.CaseDetailPage })));
const CaseSearchPage = lazy(() => import('./pages/cases/case-search-page').then((m) => ({ default: m.CaseSearchPage })));
const DispatchBoardPage = lazy(() => import('./pages/dispatch/dispatch-board-page').then((m) => ({ default: m.DispatchBoardPage })));
const AppealsPage = lazy(() => import('./pages/evaluation/appeals-page').then((m) => ({ default: m.AppealsPage })));
const PublicationsPage = lazy(() => import('./pages/evaluation/publications-page').then((m) => ({ default: m.PublicationsPage })));
const PatrolPage = lazy(() => import('./pages/proactive/patrol-page').then((m) => ({ default: m.PatrolPage })));
const ProactivePage = lazy(() => import('./pages/proactive/proactive-page').then((m) => ({ default: m.ProactivePage })));
const ScoringSettingsPage = lazy(() => import('./pages/evaluation/scoring-settings-page').then((m) => ({ default: m.ScoringSettingsPage })));
const InboxPage = lazy(() => import('./pages/inbox/inbox-page').then((m) => ({ default: m.InboxPage })));
const IntakePage = lazy(() => import('./pages/intake/intake-page').then((m) => ({ default: m.IntakePage })));
const RankingsPage = lazy(() => import('./pages/rankings/rankings-page').then((m) => ({ default: m.RankingsPage })));
const HotspotsPage = lazy(() => import('./pages/hotspots/hotspots-page').then((m) => ({ default: m.HotspotsPage })));
const TopicsPage = lazy(() => import('./pages/topics/topics-page').then((m) => ({ default: m.TopicsPage })));
const SupervisionPage = lazy(() => import('./pages/supervision/supervision-page').then((m) => ({ default: m.SupervisionPage })));
const VisitsPage = lazy(() => import('./pages/visits/visits-page').then((m) => ({ default: m.VisitsPage })));
const WorkItemsPage = lazy(() => import('./pages/work-items/work-items-page').then((m) => ({ default: m.WorkItemsPage })));
const BuildingLeadsPage = lazy(() => import('./pages/deliberation/building-leads-page').then((m) => ({ default: m.BuildingLeadsPage })));
const MeetingPage = lazy(() => import('./pages/deliberation/meeting-page').then((m) => ({ default: m.MeetingPage })));
const DeliberationMeasuresPage = lazy(() => import('./pages/deliberation/measures-page').then((m) => ({ default: m.DeliberationMeasuresPage })));
const MeetingsPage = lazy(() => import('./pages/deliberation/meetings-page').then((m) => ({ default: m.MeetingsPage })));
const ProposalsPage = lazy(() => import('./pages/deliberation/proposals-page').then((m) => ({ default: m.ProposalsPage })));

interface Screen {
  path: ConsoleScreen;
  label: StringKey;
  icon: ReactNode;
  element: ReactNode;
  group?: 'admin' | 'evaluation' | 'deliberation';
}

const SCREENS: readonly Screen[] = [
  { path: '/intake', label: 'menuIntake', icon: <PhoneOutlined />, element: <IntakePage /> },
  { path: '/dispatch', label: 'menuDispatch', icon: <SendOutlined />, element: <DispatchBoardPage /> },
  { path: '/inbox', label: 'menuInbox', icon: <InboxOutlined />, element: <InboxPage /> },
  {
    path: '/work-items',
    label: 'menuWorkItems',
    icon: <CarryOutOutlined />,

    element: <WorkItemsPage />,
  },
  { path: '/proactive', label: 'menuProactive', icon: <AimOutlined />, element: <ProactivePage /> },
  { path: '/patrol', label: 'menuPatrol', icon: <CompassOutlined />, element: <PatrolPage /> },
  { path: '/supervision', label: 'menuSupervision', icon: <AlertOutlined />, element: <SupervisionPage /> },
  { path: '/visits', label: 'menuVisits', icon: <FormOutlined />, element: <VisitsPage /> },
  { path: '/dashboard', label: 'menuDashboard', icon: <DashboardOutlined />, element: <DashboardPage /> },
  {
    path: '/rankings',
    label: 'menuRankings',
    icon: <BarChartOutlined />,

    element: <RankingsPage />,
  },
  { path: '/hotspots', label: 'menuHotspots', icon: <FireOutlined />, element: <HotspotsPage /> },
  { path: '/topics', label: 'menuTopics', icon: <FlagOutlined />, element: <TopicsPage /> },
  {
    path: '/cases',
    label: 'menuCases',
    icon: <FileSearchOutlined />,

    element: <CaseSearchPage />,
  },
  { path: '/deliberation/meetings', label: 'menuMeetings', icon: <CommentOutlined />, element: <MeetingsPage />, group: 'deliberation' },
  { path: '/deliberation/proposals', label: 'menuProposals', icon: <LikeOutlined />, element: <ProposalsPage />, group: 'deliberation' },
  { path: '/deliberation/leads', label: 'menuBuildingLeads', icon: <HomeOutlined />, element: <BuildingLeadsPage />, group: 'deliberation' },
  {
    path: '/deliberation/measures',
    label: 'menuDeliberationMeasures',
    icon: <LineChartOutlined />,

    element: <DeliberationMeasuresPage />,
    group: 'deliberation',
  },
  { path: '/admin/org', label: 'menuOrg', icon: <ApartmentOutlined />, element: <OrgPage />, group: 'admin' },
  { path: '/admin/users', label: 'menuUsers', icon: <TeamOutlined />, element: <UsersPage />, group: 'admin' },
  { path: '/admin/categories', label: 'menuCategories', icon: <TagsOutlined />, element: <CategoriesPage />, group: 'admin' },
  { path: '/admin/duty-lists', label: 'menuDutyLists', icon: <UnorderedListOutlined />, element: <DutyListsPage />, group: 'admin' },
  { path: '/admin/calendar', label: 'menuCalendar', icon: <CalendarOutlined />, element: <CalendarPage />, group: 'admin' },
  { path: '/admin/case-policy', label: 'menuCasePolicy', icon: <ClockCircleOutlined />, element: <CasePolicyPage />, group: 'admin' },
  { path: '/admin/intake-rules', label: 'menuIntakeRules', icon: <BulbOutlined />, element: <IntakeRulesPage />, group: 'admin' },
  { path: '/admin/knowledge', label: 'menuKnowledge', icon: <BookOutlined />, element: <KnowledgePage />, group: 'admin' },
  { path: '/admin/audit', label: 'menuAudit', icon: <AuditOutlined />, element: <AuditPage />, group: 'admin' },
  {
    path: '/evaluation/weights',
    label: 'menuScoringSettings',
    icon: <PercentageOutlined />,

    element: <ScoringSettingsPage />,
    group: 'evaluation',
  },
  {
    path: '/evaluation/publications',
    label: 'menuPublications',
    icon: <NotificationOutlined />,
    element: <PublicationsPage />,
    group: 'evaluation',
  },
  {
    path: '/evaluation/appeals',
    label: 'menuAppeals',
    icon: <AuditOutlined />,

    element: <AppealsPage />,
    group: 'evaluation',
  },
];

/** The screens this user may open: the core's rule (mayOpenScreen), asked here, never re-stated. */
function useScreens(): Screen[] {
  const { me } = useAuth();
  return me ? SCREENS.filter((s) => mayOpenScreen(me, s.path)) : [];
}

/** Every screen after login shares one badge source (refreshed each minute and after batch actions). */
export function Shell() {
  return (
    <BadgesProvider>
      <ShellLayout />
    </BadgesProvider>
  );
}

/** The number a menu entry carries: what waits for the user there. */
function badgeFor(path: ConsoleScreen, badges: ReturnType<typeof useBadges>['badges']): number {
  if (!badges) return 0;
  if (path === '/inbox') return badges.toSign;
  if (path === '/dispatch') return badges.toDispatch;
  if (path === '/visits') return badges.toVisit;
  return 0;
}

function ShellLayout() {
  const { me, logOut } = useAuth();
  const { t, lang, setLang, pick } = useI18n();
  const ref = useReference();
  const screens = useScreens();
  const { badges } = useBadges();
  const location = useLocation();
  const navigate = useNavigate();
  // Phones (street and community staff): the menu folds away completely and the header keeps only who and the two buttons.
  const isPhone = !Grid.useBreakpoint().md;
  useEffect(() => {
    if (me) ref.loadUnits([me.unitCode]);
  }, [me, ref]);
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  const main = screens.filter((s) => !s.group);
  const admin = screens.filter((s) => s.group === 'admin');
  const evaluation = screens.filter((s) => s.group === 'evaluation');
  const deliberation = screens.filter((s) => s.group === 'deliberation');
  const selected = screens.find((s) => location.pathname.startsWith(s.path))?.path ?? '';
  const items = [
    ...main.map((s) => {
      const n = badgeFor(s.path, badges);
      return {
        key: s.path,
        icon: s.icon,
        label: n ? (
          <span style={{ display: 'inline-flex', alignItems: 'center', justifyContent: 'space-between', width: '100%' }}>
            {t(s.label)}
            <Badge count={n} size="small" overflowCount={999} data-testid={`menu-badge-${s.path.slice(1)}`} />
          </span>
        ) : (
          t(s.label)
        ),
      };
    }),
    ...(deliberation.length
      ? [
          {
            key: 'deliberation-group',
            icon: <CommentOutlined />,
            label: t('menuDeliberation'),
            children: deliberation.map((s) => ({ key: s.path, icon: s.icon, label: t(s.label) })),
          },
        ]
      : []),
    ...(evaluation.length
      ? [{ key: 'evaluation', icon: <FundOutlined />, label: t('menuEvaluation'), children: evaluation.map((s) => ({ key: s.path, icon: s.icon, label: t(s.label) })) }]
      : []),
    ...(admin.length ? [{ key: 'admin', icon: <SettingOutlined />, label: t('menuAdmin'), children: admin.map((s) => ({ key: s.path, icon: s.icon, label: t(s.label) })) }] : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={210} breakpoint="lg" collapsedWidth={isPhone ? 0 : 64} theme="dark">
        <div className="jiesu-brand">
          <span className="jiesu-brand-mark">12345</span>
          <span>{lang === 'zh' ? '接诉即办' : 'Jiesu'}</span>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} defaultOpenKeys={['deliberation-group', 'evaluation', 'admin']} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: isPhone ? '0 8px 0 48px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #eef0f3',
          }}
        >
          <Typography.Text strong style={{ fontSize: isPhone ? 15 : 16, whiteSpace: 'nowrap' }}>
            {screens.find((s) => s.path === selected) ? t(screens.find((s) => s.path === selected)!.label) : t('caseDetail')}
          </Typography.Text>
          <Space size={isPhone ? 6 : 12}>
            <Typography.Text data-testid="whoami" className={isPhone ? 'jiesu-whoami-phone' : undefined}>
              {me.displayName}
            </Typography.Text>
            {!isPhone && <Typography.Text type="secondary">{ref.unitName(me.unitCode)}</Typography.Text>}
            {!isPhone &&
              me.roles.map((r) => (
                <Tag key={r} color="geekblue">
                  {pick(ROLE_LABELS[r])}
                </Tag>
              ))}
            <NotificationBell />
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-toggle">
              {t('language')}
            </Button>
            <Button size="small" onClick={() => void logOut()}>
              {t('logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 8 : 20 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 80 }} />}>
            <Routes>
              {screens.map((s) => (
                <Route key={s.path} path={s.path} element={s.element} />
              ))}
              <Route path="/cases/:id" element={<CaseDetailPage />} />
              {screens.some((s) => s.path === '/deliberation/meetings') ? <Route path="/deliberation/meetings/:id" element={<MeetingPage />} /> : null}
              <Route path="*" element={<Navigate to={screens[0]?.path ?? '/cases'} replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
