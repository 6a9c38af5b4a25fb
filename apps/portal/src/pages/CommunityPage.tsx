// 居民议事 on the portal, phone first: find your community, see its upcoming meetings and agendas,
// the decisions (votes and the rule applied) and how their follow-up tasks are going, and the
// residents' proposals with their support; propose a matter or support one with your mobile
// number (kept confidential). No personal data is shown: the server's answer carries none.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type PublicCommunity } from '../api';

type Lang = 'zh' | 'en';
const LANG_KEY = 'jiesu.portal.lang';
const COMMUNITY_KEY = 'jiesu.portal.community';

const S = {
  zh: {
    find: '查找我的社区',
    findHint: '输入社区名称，如“花家地”',
    search: '搜索',
    upcoming: '即将召开的议事会',
    past: '议事结果',
    proposals: '居民提案',
    noUpcoming: '暂无安排',
    noPast: '暂无议事记录',
    noProposals: '暂无提案',
    chairResident: '居民主持',
    agenda: '议程',
    followUps: '议定事项进展',
    due: '期限',
    overdue: '已超期',
    supports: '人附议',
    support: '我附议',
    supported: '已附议，谢谢！',
    alreadySupported: '您已附议过这条提案。',
    phone: '手机号（仅用于核验，严格保密）',
    propose: '我有提案',
    title: '提案标题',
    detail: '具体内容',
    name: '称呼（可不填）',
    send: '提交提案',
    sent: '提案已提交，社区审核后将公开征集附议。',
    answer: '社区答复',
    change: '切换社区',
    status: { open: '进行中', done: '已完成', in_progress: '进行中' } as Record<string, string>,
  },
  en: {
    find: 'Find my community',
    findHint: 'Type its name, e.g. 花家地',
    search: 'Search',
    upcoming: 'Upcoming meetings',
    past: 'Decisions',
    proposals: "Residents' proposals",
    noUpcoming: 'Nothing scheduled',
    noPast: 'No meetings yet',
    noProposals: 'No proposals yet',
    chairResident: 'Chaired by a resident',
    agenda: 'Agenda',
    followUps: 'Follow-up tasks',
    due: 'Due',
    overdue: 'Overdue',
    supports: 'supporters',
    support: 'Support',
    supported: 'Thank you for your support!',
    alreadySupported: 'You have already supported this proposal.',
    phone: 'Mobile (to verify you; kept confidential)',
    propose: 'Propose a matter',
    title: 'Title',
    detail: 'Details',
    name: 'Name (optional)',
    send: 'Submit',
    sent: 'Submitted. Once the community has reviewed it, neighbours can support it.',
    answer: "Community's answer",
    change: 'Change community',
    status: { open: 'Open', done: 'Done', in_progress: 'In progress' } as Record<string, string>,
  },
};

function fmt(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function CommunityPage({ initialCode }: { initialCode?: string | undefined }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const s = S[lang];
  const setLang = (l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  };
  const [code, setCode] = useState<string | null>(initialCode ?? localStorage.getItem(COMMUNITY_KEY));
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Array<{ code: string; name: string; streetName: string | null }>>([]);
  const [view, setView] = useState<PublicCommunity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState({ title: '', detail: '', name: '', phone: '' });

  const load = useCallback(() => {
    if (!code) return;
    api
      .community(code)
      .then((v) => {
        setView(v);
        localStorage.setItem(COMMUNITY_KEY, code);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [code]);
  useEffect(load, [load]);

  const search = () => {
    setError(null);
    api
      .communities(q)
      .then(setFound)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  const support = (id: string) => {
    setError(null);
    api
      .support(id, phone)
      .then((r) => {
        setNotice(r.isNew ? s.supported : s.alreadySupported);
        load();
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  const propose = () => {
    if (!code) return;
    setError(null);
    api
      .propose({ communityCode: code, title: draft.title, detail: draft.detail, name: draft.name || null, phone: draft.phone })
      .then(() => {
        setNotice(s.sent);
        setDraft({ title: '', detail: '', name: '', phone: '' });
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };

  const langToggle = (
    <button
      type="button"
      className="choice"
      style={{ width: 'auto', padding: '6px 12px', fontSize: 14 }}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      data-testid="portal-lang"
    >
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );

  if (!code || !view) {
    return (
      <div className="card form">
        <div className="case-head">
          <h2>{s.find}</h2>
          {langToggle}
        </div>
        <div className="row">
          <input value={q} placeholder={s.findHint} onChange={(e) => setQ(e.target.value)} data-testid="community-q" />
          <button type="button" onClick={search}>
            {s.search}
          </button>
        </div>
        {error ? <div className="error">{error}</div> : null}
        {found.map((c) => (
          <button type="button" key={c.code} className="choice" style={{ display: 'block', width: '100%', marginBottom: 8 }} onClick={() => setCode(c.code)}>
            {c.name} · {c.streetName ?? ''}
          </button>
        ))}
      </div>
    );
  }

  return (
    <div data-testid="community-page">
      <div className="card">
        <div className="case-head">
          <div>
            <div className="big">{view.community.name}</div>
            <div className="hint">{view.community.streetName}</div>
          </div>
          {langToggle}
        </div>
        <button
          type="button"
          className="choice"
          onClick={() => {
            setCode(null);
            setView(null);
          }}
        >
          {s.change}
        </button>
      </div>
      {notice ? (
        <div className="rated" style={{ marginBottom: 12 }}>
          {notice}
        </div>
      ) : null}
      {error ? (
        <div className="error" style={{ marginBottom: 12 }}>
          {error}
        </div>
      ) : null}

      <div className="card">
        <h3>{s.upcoming}</h3>
        {view.upcoming.length === 0 ? <div className="empty">{s.noUpcoming}</div> : null}
        {view.upcoming.map((m) => (
          <div key={m.id} style={{ marginBottom: 12 }}>
            <div>
              <strong>{m.title}</strong>
            </div>
            <div className="hint">
              {fmt(m.scheduledAt, lang)} · {m.place}
              {m.isChairResident ? ` · ${s.chairResident}` : ''}
            </div>
            <ol style={{ paddingLeft: 20, margin: '4px 0' }}>
              {m.items.map((i) => (
                <li key={i.position}>{i.title}</li>
              ))}
            </ol>
          </div>
        ))}
      </div>

      <div className="card" data-testid="decisions">
        <h3>{s.past}</h3>
        {view.past.length === 0 ? <div className="empty">{s.noPast}</div> : null}
        {view.past.map((m) => (
          <div key={m.id} style={{ marginBottom: 12 }}>
            <div>
              <strong>{m.title}</strong>
            </div>
            <div className="hint">
              {fmt(m.scheduledAt, lang)} · {m.place}
            </div>
            {m.items.map((i) => (
              <div key={i.position} style={{ borderTop: '1px solid var(--line)', padding: '8px 0' }}>
                <div>
                  {i.position}. {i.title} <span className={`badge ${i.status === 'decided' ? 'closed' : 'open'}`}>{i.statusLabel[lang]}</span>
                </div>
                {i.outcomeSummary ? <div style={{ fontSize: 14, margin: '4px 0' }}>{i.outcomeSummary}</div> : null}
                {i.motions.map((x, k) => (
                  <div key={k} className="hint">
                    {x.text} — {x.statusLabel[lang]}
                    {x.result ? `：${x.result.statement[lang]}` : ''}
                  </div>
                ))}
                {i.followUps.length > 0 ? (
                  <div style={{ marginTop: 4 }}>
                    <div className="hint">
                      <strong>{s.followUps}</strong>
                    </div>
                    <ul style={{ paddingLeft: 18, margin: 0 }}>
                      {i.followUps.map((f, k) => (
                        <li key={k} style={{ fontSize: 14 }}>
                          {f.title} · {f.ownerLabel} · {s.due} {fmt(f.dueAt, lang)} ·{' '}
                          <span className={`badge ${f.status === 'done' ? 'closed' : 'open'}`}>
                            {f.isOverdue && f.status !== 'done' ? s.overdue : (s.status[f.status] ?? f.status)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            ))}
          </div>
        ))}
      </div>

      <div className="card form" data-testid="proposals">
        <h3>{s.proposals}</h3>
        {view.proposals.length === 0 ? <div className="empty">{s.noProposals}</div> : null}
        {view.proposals.some((p) => p.status === 'open') ? (
          <label>
            {s.phone}
            <input value={phone} inputMode="tel" onChange={(e) => setPhone(e.target.value)} data-testid="support-phone" />
          </label>
        ) : null}
        {view.proposals.map((p) => (
          <div key={p.id} style={{ borderTop: '1px solid var(--line)', padding: '8px 0' }}>
            <div className="case-head">
              <strong>{p.title}</strong>
              <span className="badge open">{p.statusLabel[lang]}</span>
            </div>
            <div style={{ fontSize: 14, margin: '4px 0' }}>{p.detail}</div>
            <div className="row" style={{ marginBottom: 0 }}>
              <span className="hint" data-testid="support-count">
                {p.supportCount} {s.supports}
              </span>
              {p.status === 'open' ? (
                <button type="button" onClick={() => support(p.id)} data-testid="support">
                  {s.support}
                </button>
              ) : null}
            </div>
            {p.answer ? (
              <div className="hint">
                {s.answer}：{p.answer}
              </div>
            ) : null}
          </div>
        ))}
      </div>

      <div className="card form">
        <h3>{s.propose}</h3>
        <label>
          {s.title}
          <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} data-testid="proposal-title" />
        </label>
        <label>
          {s.detail}
          <textarea rows={3} value={draft.detail} onChange={(e) => setDraft({ ...draft, detail: e.target.value })} data-testid="proposal-detail" />
        </label>
        <label>
          {s.name}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label>
          {s.phone}
          <input value={draft.phone} inputMode="tel" onChange={(e) => setDraft({ ...draft, phone: e.target.value })} data-testid="proposal-phone" />
        </label>
        <button type="button" onClick={propose} data-testid="proposal-send">
          {s.send}
        </button>
      </div>
    </div>
  );
}
