// The console's providers (antd locale, i18n, auth, reference data) and the router: the login page
// is in the first chunk, the shell and every screen are loaded after login (see shell.tsx).
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { I18nProvider, useI18n } from './i18n/i18n';
import { LoginPage } from './pages/login/login-page';
import { ReferenceProvider } from './reference';

const Shell = lazy(() => import('./shell').then((m) => ({ default: m.Shell })));

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
      <Route
        path="/*"
        element={
          <Suspense fallback={<Spin style={{ display: 'block', margin: 120 }} />}>
            <Shell />
          </Suspense>
        }
      />
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
