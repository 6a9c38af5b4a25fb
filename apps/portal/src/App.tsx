// The portal shell: five pages behind hash routes (#/submit, #/track, #/rankings, #/community, #/topics), so the server
// only serves static files and a deep link works without a fallback route.
import { useEffect, useState } from 'react';
import { CommunityPage } from './pages/CommunityPage';
import { RankingsPage } from './pages/RankingsPage';
import { SubmitPage } from './pages/SubmitPage';
import { TopicsPage } from './pages/TopicsPage';
import { TrackPage } from './pages/TrackPage';

type Route = { page: 'submit' } | { page: 'track'; caseNumber?: string; token?: string } | { page: 'rankings' } | { page: 'community'; code?: string } | { page: 'topics' };

function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const q = new URLSearchParams(query);
  if (path === 'track') return { page: 'track', ...(q.get('no') ? { caseNumber: q.get('no') as string } : {}), ...(q.get('code') ? { token: q.get('code') as string } : {}) };
  if (path === 'rankings') return { page: 'rankings' };
  if (path === 'community') return { page: 'community', ...(q.get('code') ? { code: q.get('code') as string } : {}) };
  if (path === 'topics') return { page: 'topics' };
  return { page: 'submit' };
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const tab = (page: Route['page'], label: string) => (
    <a href={`#/${page}`} className={route.page === page ? 'tab active' : 'tab'} aria-current={route.page === page ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <div className="app">
      <header className="header">
        <div className="brand">
          <span className="logo">12345</span>
          <div>
            <div className="title">接诉即办 · 市民服务</div>
            <div className="subtitle">有诉求，找12345</div>
          </div>
        </div>
        <nav className="tabs">
          {tab('submit', '我要反映')}
          {tab('track', '查询进度')}
          {tab('rankings', '排名公布')}
          {tab('community', '居民议事')}
          {tab('topics', '每月一题')}
        </nav>
      </header>
      <main className="main">
        {route.page === 'submit' && <SubmitPage />}
        {route.page === 'track' && <TrackPage key={`${route.caseNumber ?? ''}${route.token ?? ''}`} initialCaseNumber={route.caseNumber} initialToken={route.token} />}
        {route.page === 'rankings' && <RankingsPage />}
        {route.page === 'community' && <CommunityPage key={route.code ?? ''} initialCode={route.code} />}
        {route.page === 'topics' && <TopicsPage />}
      </main>
      <footer className="footer">紧急情况请拨打 110 / 119 / 120 · 诉求人信息严格保密</footer>
    </div>
  );
}
