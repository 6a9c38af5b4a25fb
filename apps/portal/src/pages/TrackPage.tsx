// 查询进度: the tracking code given at submission (with the case number, if the resident has it)
// shows the status and the public history; once closed, the resident rates the handling once.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, ApiError, type PublicCaseView, type Satisfaction, type TrackingProof } from '../api';

const SATISFACTION: Array<[Satisfaction, string]> = [
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['dissatisfied', '不满意'],
];

function when(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function TrackPage({ initialCaseNumber, initialToken }: { initialCaseNumber?: string | undefined; initialToken?: string | undefined }) {
  const [caseNumber, setCaseNumber] = useState(initialCaseNumber ?? '');
  const [token, setToken] = useState(initialToken ?? '');
  const [view, setView] = useState<PublicCaseView | null>(null);
  const [proof, setProof] = useState<TrackingProof | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (p: TrackingProof) => {
    setBusy(true);
    setError(null);
    try {
      setView(await api.track(p));
      setProof(p);
    } catch (e) {
      setView(null);
      setError(e instanceof ApiError ? e.message : '查询失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (initialToken) void load({ trackingToken: initialToken, ...(initialCaseNumber ? { caseNumber: initialCaseNumber } : {}) });
  }, [initialToken, initialCaseNumber, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim().length < 8) return setError('请输入提交成功时显示的完整查询码。');
    const number = caseNumber.trim();
    if (number !== '' && !/^\d{8}-\d{6,}$/.test(number)) return setError('诉求编号格式如 20260301-000123。');
    void load({ trackingToken: token.trim(), ...(number ? { caseNumber: number } : {}) });
  };

  return (
    <>
      <form className="card form" onSubmit={submit} noValidate>
        <h2>查询进度</h2>
        <label>
          查询码
          <input value={token} onChange={(e) => setToken(e.target.value)} placeholder="提交成功时显示的查询码" name="token" autoComplete="off" />
        </label>
        <label>
          诉求编号（选填）
          <input value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} placeholder="20260301-000123" inputMode="numeric" name="caseNumber" />
        </label>
        <p className="hint">为保护您的信息，查询需要提交成功时显示的查询码；电话反映的诉求请拨打 12345 查询。</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? '查询中…' : '查询'}
        </button>
      </form>
      {view && proof && <CaseCard view={view} proof={proof} onRated={() => void load(proof)} />}
    </>
  );
}

function CaseCard({ view, proof, onRated }: { view: PublicCaseView; proof: TrackingProof; onRated: () => void }) {
  return (
    <section className="card" data-testid="case-view">
      <div className="case-head">
        <span className="mono">{view.caseNumber}</span>
        <span className={view.isOpen ? 'badge open' : 'badge closed'} data-testid="status">
          {view.statusLabel}
        </span>
      </div>
      <h3>{view.subject}</h3>
      <p className="hint">
        {view.categoryName ?? ''} · {view.address}
      </p>
      <ol className="timeline">
        {view.events.map((e) => (
          <li key={e.seq}>
            <time>{when(e.at)}</time>
            <span>{e.text}</span>
          </li>
        ))}
      </ol>
      {view.rating && (
        <p className="rated">
          您的评价：{SATISFACTION.find(([k]) => k === view.rating?.satisfaction)?.[1]}
          {view.rating.comment ? ` · ${view.rating.comment}` : ''}
        </p>
      )}
      {view.canRate && <RateForm proof={proof} onRated={onRated} />}
      {view.isOpen && <p className="hint">办结后可在此评价办理情况。</p>}
    </section>
  );
}

function RateForm({ proof, onRated }: { proof: TrackingProof; onRated: () => void }) {
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!satisfaction) return setError('请选择满意程度。');
    setBusy(true);
    try {
      await api.rate(proof, satisfaction, comment.trim());
      onRated();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '评价失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="rate" onSubmit={submit}>
      <h4>评价办理情况</h4>
      <div className="choices">
        {SATISFACTION.map(([k, label]) => (
          <button type="button" key={k} className={satisfaction === k ? 'choice on' : 'choice'} onClick={() => setSatisfaction(k)}>
            {label}
          </button>
        ))}
      </div>
      <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={500} placeholder="还有什么想说的（可选）" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        提交评价
      </button>
    </form>
  );
}
