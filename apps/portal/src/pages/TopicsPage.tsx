// 每月一题: each month's topic — its problems with the lead and co-units, how far the tasks have
// got, the cases about each problem, and the policies issued. Public data only (no case, no person).
import { useEffect, useState } from 'react';
import { api, ApiError, type PublicTopic } from '../api';

function Progress({ done, total, overdue }: { done: number; total: number; overdue: number }) {
  const share = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress-line">
      <div className="progress" role="progressbar" aria-valuenow={share} aria-valuemin={0} aria-valuemax={100} aria-label="任务进度">
        <div className="progress-bar" style={{ width: `${share}%` }} />
      </div>
      <span className="hint">{total === 0 ? '任务待分派' : `任务 ${done}/${total} 已完成${overdue > 0 ? ` · ${overdue} 项超期督办` : ''}`}</span>
    </div>
  );
}

function TopicCard({ t }: { t: PublicTopic }) {
  return (
    <section className="card" aria-label={t.title}>
      <div className="case-head">
        <span className="badge month">{t.month.replace('-', '年')}月</span>
        <span className={t.status === 'closed' ? 'badge closed' : 'badge open'}>{t.status === 'closed' ? '已完成' : '推进中'}</span>
      </div>
      <h2 className="topic-title">{t.title}</h2>
      {t.description && <p className="hint">{t.description}</p>}
      <ol className="problems">
        {t.problems.map((p) => (
          <li key={p.seq} className="problem">
            <div className="problem-title">{p.title}</div>
            <div className="facts">
              <span className="hint">牵头单位</span>
              <span>{p.leadUnitName}</span>
              {p.coUnitNames.length > 0 && (
                <>
                  <span className="hint">配合单位</span>
                  <span>{p.coUnitNames.join('、')}</span>
                </>
              )}
              <span className="hint">相关诉求</span>
              <span>{p.linkedCases} 件</span>
            </div>
            <Progress done={p.tasks.done} total={p.tasks.total} overdue={p.tasks.overdue} />
          </li>
        ))}
      </ol>
      {t.policies.length > 0 && (
        <>
          <h3 className="section-title">出台政策</h3>
          <ul className="policies">
            {t.policies.map((x) => (
              <li key={`${x.title}${x.issuedOn}`}>
                <div>
                  {x.title}
                  {x.hasDocument ? ' 📄' : ''}
                </div>
                <div className="hint">
                  {x.issuingBody} · {x.issuedOn}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function TopicsPage() {
  const [topics, setTopics] = useState<PublicTopic[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.topics().then(
      (r) => setTopics(r.items),
      (e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败'),
    );
  }, []);
  return (
    <div>
      <div className="card">
        <h1 className="page-title">每月一题</h1>
        <p className="hint">每月从市民诉求中选出高频、共性、难点问题，明确牵头部门，清单式管理、项目化推进、全过程督办。</p>
      </div>
      {error && <div className="error">{error}</div>}
      {topics !== null && topics.length === 0 && <div className="card empty">暂无公布的主题</div>}
      {topics?.map((t) => (
        <TopicCard key={t.id} t={t} />
      ))}
    </div>
  );
}
