// The console shell: providers (antd locale, i18n, auth, reference data), the router and the
// role-scoped menu. Each route names the roles that may see it; the menu shows only those.
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BulbOutlined,
  CommentOutlined,
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
import type { Role } from '@jiesu/core';
import { App as AntApp, Button, ConfigProvider, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { I18nProvider, useI18n } from './i18n/i18n';
import { ROLE_LABELS } from './i18n/labels';
import type { StringKey } from './i18n/strings';
import { CalendarPage } from './pages/admin/calendar-page';
import { CasePolicyPage } from './pages/admin/case-policy-page';
import { CategoriesPage } from './pages/admin/categories-page';
import { DutyListsPage } from './pages/admin/duty-lists-page';
import { IntakeRulesPage } from './pages/admin/intake-rules-page';
import { KnowledgePage } from './pages/admin/knowledge-page';
import { OrgPage } from './pages/admin/org-page';
import { UsersPage } from './pages/admin/users-page';
import { CaseDetailPage } from './pages/cases/case-detail-page';
import { CaseSearchPage } from './pages/cases/case-search-page';
import { DispatchBoardPage } from './pages/dispatch/dispatch-board-page';
import { AppealsPage } from './pages/evaluation/appeals-page';
import { PublicationsPage } from './pages/evaluation/publications-page';
import { PatrolPage } from './pages/proactive/patrol-page';
import { ProactivePage } from './pages/proactive/proactive-page';
import { ScoringSettingsPage } from './pages/evaluation/scoring-settings-page';
import { InboxPage } from './pages/inbox/inbox-page';
import { IntakePage } from './pages/intake/intake-page';
import { LoginPage } from './pages/login/login-page';
import { RankingsPage } from './pages/rankings/rankings-page';
import { HotspotsPage } from './pages/hotspots/hotspots-page';
import { TopicsPage } from './pages/topics/topics-page';
import { SupervisionPage } from './pages/supervision/supervision-page';
import { VisitsPage } from './pages/visits/visits-page';
import { WorkItemsPage } from './pages/work-items/work-items-page';
import { BuildingLeadsPage } from './pages/deliberation/building-leads-page';
import { MeetingPage } from './pages/deliberation/meeting-page';
import { DeliberationMeasuresPage } from './pages/deliberation/measures-page';
import { MeetingsPage } from './pages/deliberation/meetings-page';
import { ProposalsPage } from './pages/deliberation/proposals-page';
import { ReferenceProvider, useReference } from './reference';

interface Screen {
  path: string;
  label: StringKey;
  icon: ReactNode;
  roles: readonly Role[];
  /** Only for the centre and district sub-centres. */
  dispatchUnitOnly?: boolean;
  element: ReactNode;
  group?: 'admin' | 'evaluation' | 'deliberation';
  /** Only for users of the city centre (the API refuses the others). */
  centreOnly?: boolean;
}

const SCREENS: readonly Screen[] = [
  { path: '/intake', label: 'menuIntake', icon: <PhoneOutlined />, roles: ['operator', 'dispatcher'], dispatchUnitOnly: true, element: <IntakePage /> },
  { path: '/dispatch', label: 'menuDispatch', icon: <SendOutlined />, roles: ['dispatcher', 'operator', 'supervisor'], dispatchUnitOnly: true, element: <DispatchBoardPage /> },
  { path: '/inbox', label: 'menuInbox', icon: <InboxOutlined />, roles: ['handler', 'unit_leader'], element: <InboxPage /> },
  {
    path: '/work-items',
    label: 'menuWorkItems',
    icon: <CarryOutOutlined />,
    roles: ['handler', 'unit_leader', 'supervisor', 'dispatcher', 'administrator', 'operator', 'analyst'],
    element: <WorkItemsPage />,
  },
  { path: '/proactive', label: 'menuProactive', icon: <AimOutlined />, roles: ['unit_leader', 'supervisor', 'handler', 'analyst', 'administrator'], element: <ProactivePage /> },
  { path: '/patrol', label: 'menuPatrol', icon: <CompassOutlined />, roles: ['handler', 'unit_leader', 'supervisor'], element: <PatrolPage /> },
  { path: '/supervision', label: 'menuSupervision', icon: <AlertOutlined />, roles: ['supervisor', 'unit_leader', 'dispatcher'], element: <SupervisionPage /> },
  { path: '/visits', label: 'menuVisits', icon: <FormOutlined />, roles: ['visitor'], element: <VisitsPage /> },
  {
    path: '/rankings',
    label: 'menuRankings',
    icon: <BarChartOutlined />,
    roles: ['evaluator', 'analyst', 'supervisor', 'administrator', 'unit_leader', 'dispatcher'],
    element: <RankingsPage />,
  },
  { path: '/hotspots', label: 'menuHotspots', icon: <FireOutlined />, roles: ['analyst', 'supervisor', 'unit_leader', 'administrator', 'evaluator'], element: <HotspotsPage /> },
  { path: '/topics', label: 'menuTopics', icon: <FlagOutlined />, roles: ['supervisor', 'unit_leader', 'administrator', 'analyst', 'handler'], element: <TopicsPage /> },
  {
    path: '/cases',
    label: 'menuCases',
    icon: <FileSearchOutlined />,
    roles: ['operator', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'visitor', 'evaluator', 'administrator', 'analyst'],
    element: <CaseSearchPage />,
  },
  { path: '/deliberation/meetings', label: 'menuMeetings', icon: <CommentOutlined />, roles: ['handler', 'unit_leader'], element: <MeetingsPage />, group: 'deliberation' },
  { path: '/deliberation/proposals', label: 'menuProposals', icon: <LikeOutlined />, roles: ['handler', 'unit_leader'], element: <ProposalsPage />, group: 'deliberation' },
  { path: '/deliberation/leads', label: 'menuBuildingLeads', icon: <HomeOutlined />, roles: ['handler', 'unit_leader'], element: <BuildingLeadsPage />, group: 'deliberation' },
  {
    path: '/deliberation/measures',
    label: 'menuDeliberationMeasures',
    icon: <LineChartOutlined />,
    roles: ['handler', 'unit_leader', 'evaluator', 'analyst'],
    element: <DeliberationMeasuresPage />,
    group: 'deliberation',
  },
  { path: '/admin/org', label: 'menuOrg', icon: <ApartmentOutlined />, roles: ['administrator', 'unit_leader'], element: <OrgPage />, group: 'admin' },
  { path: '/admin/users', label: 'menuUsers', icon: <TeamOutlined />, roles: ['administrator', 'unit_leader'], element: <UsersPage />, group: 'admin' },
  { path: '/admin/categories', label: 'menuCategories', icon: <TagsOutlined />, roles: ['administrator'], element: <CategoriesPage />, group: 'admin' },
  { path: '/admin/duty-lists', label: 'menuDutyLists', icon: <UnorderedListOutlined />, roles: ['administrator', 'unit_leader'], element: <DutyListsPage />, group: 'admin' },
  { path: '/admin/calendar', label: 'menuCalendar', icon: <CalendarOutlined />, roles: ['administrator'], element: <CalendarPage />, group: 'admin' },
  { path: '/admin/case-policy', label: 'menuCasePolicy', icon: <ClockCircleOutlined />, roles: ['administrator'], element: <CasePolicyPage />, group: 'admin' },
  { path: '/admin/intake-rules', label: 'menuIntakeRules', icon: <BulbOutlined />, roles: ['administrator'], element: <IntakeRulesPage />, group: 'admin' },
  { path: '/admin/knowledge', label: 'menuKnowledge', icon: <BookOutlined />, roles: ['administrator', 'operator', 'dispatcher'], element: <KnowledgePage />, group: 'admin' },
  {
    path: '/evaluation/weights',
    label: 'menuScoringSettings',
    icon: <PercentageOutlined />,
    roles: ['administrator', 'evaluator'],
    element: <ScoringSettingsPage />,
    group: 'evaluation',
  },
  {
    path: '/evaluation/publications',
    label: 'menuPublications',
    icon: <NotificationOutlined />,
    roles: ['evaluator'],
    centreOnly: true,
    element: <PublicationsPage />,
    group: 'evaluation',
  },
  {
    path: '/evaluation/appeals',
    label: 'menuAppeals',
    icon: <AuditOutlined />,
    roles: ['evaluator', 'analyst', 'administrator', 'handler', 'unit_leader'],
    element: <AppealsPage />,
    group: 'evaluation',
  },
];

function useScreens(): Screen[] {
  const { me, hasRole, isDispatchUnit } = useAuth();
  return SCREENS.filter((s) => hasRole(...s.roles) && (!s.dispatchUnitOnly || isDispatchUnit) && (!s.centreOnly || me?.unitClass === 'centre'));
}

function Shell() {
  const { me, logOut } = useAuth();
  const { t, lang, setLang, pick } = useI18n();
  const ref = useReference();
  const screens = useScreens();
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
    ...main.map((s) => ({ key: s.path, icon: s.icon, label: t(s.label) })),
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
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-toggle">
              {t('language')}
            </Button>
            <Button size="small" onClick={() => void logOut()}>
              {t('logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 8 : 20 }}>
          <Routes>
            {screens.map((s) => (
              <Route key={s.path} path={s.path} element={s.element} />
            ))}
            <Route path="/cases/:id" element={<CaseDetailPage />} />
            {screens.some((s) => s.path === '/deliberation/meetings') ? <Route path="/deliberation/meetings/:id" element={<MeetingPage />} /> : null}
            <Route path="*" element={<Navigate to={screens[0]?.path ?? '/cases'} replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Root() {
  const { isLoading } = useAuth();
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.title = lang === 'zh' ? '接诉即办 · 工作台' : 'Jiesu · Console';
  }, [lang]);
  if (isLoading) return <Spin style={{ display: 'block', margin: 120 }} />;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/*" element={<Shell />} />
    </Routes>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <AuthProvider>
          <ReferenceProvider>
            <BrowserRouter>
              <Root />
            </BrowserRouter>
          </ReferenceProvider>
        </AuthProvider>
      </Themed>
    </I18nProvider>
  );
}
