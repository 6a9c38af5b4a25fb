// 智能建议: asks POST /api/intake/suggestions (category, urgency, location, lead unit, likely
// duplicates, knowledge-base answers) as the operator types. Suggestions, never decisions: each
// has an "apply" button and says why. When the service is missing or fails, the panel says it is
// unavailable and the form works as before.
import { BulbOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { URGENCY_LABELS } from '../../i18n/labels';
import type { SuggestionsResponse } from '@jiesu/contracts';
import type { CaseUrgency } from '@jiesu/core';
import type { Static } from 'typebox';

export interface SuggestionInput {
  subject: string;
  detail: string;
  address: string;
  kind: string;
}

/** One suggestion as the panel reads it: a value, a label, a confidence and a reason. */
export interface Suggestion {
  value: string;
  label: string;
  confidence: number | null;
  why: string | null;
}

export interface SuggestionSet {
  categories: Suggestion[];
  urgency: Suggestion | null;
  location: { districtCode: string | null; streetCode: string | null; communityCode: string | null; label: string; why: string | null } | null;
  leads: Suggestion[];
  duplicates: { id: string; caseNumber: string; subject: string; why: string | null }[];
  answers: { title: string; text: string }[];
}

type Raw = Static<typeof SuggestionsResponse>;
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** Reads POST /api/intake/suggestions (packages/contracts/src/intake.ts SuggestionsResponse) into what the panel shows. */
export function readSuggestions(raw: Partial<Raw> | null | undefined): SuggestionSet {
  const r = raw ?? {};
  const categories: Suggestion[] = r.category?.available
    ? r.category.labels
        .filter((l) => l.categoryCode)
        .slice(0, 3)
        .map((l) => ({ value: l.categoryCode as string, label: l.categoryName ?? l.label, confidence: l.probability, why: r.category?.explanation ?? null }))
    : [];
  const urgency = r.urgency ? { value: r.urgency.urgency, label: r.urgency.urgency, confidence: r.urgency.confidence, why: r.urgency.explanation || null } : null;
  const l = r.location;
  const location =
    l && l.source !== 'none' && (l.district || l.street)
      ? {
          districtCode: l.district?.code ?? null,
          streetCode: l.street?.code ?? null,
          communityCode: l.community?.code ?? null,
          label: [l.district, l.street, l.community].filter((x): x is { code: string; name: string } => x !== null).map((x) => x.name).join(' › '),
          why: l.explanation || null,
        }
      : null;
  const leads: Suggestion[] = r.leadUnit?.lead ? [{ value: r.leadUnit.lead.code, label: r.leadUnit.lead.name, confidence: r.leadUnit.confidence, why: r.leadUnit.explanation || r.leadUnit.basis || null }] : [];
  const duplicates = (r.duplicates ?? []).map((d) => ({ id: d.caseId, caseNumber: d.caseNumber, subject: d.subject, why: `${pct(d.similarity)} ${d.sharedWords.slice(0, 5).join('、')}` }));
  const answers = (r.knowledge ?? []).map((k) => ({ title: k.title, text: k.answer }));
  return { categories, urgency, location, leads, duplicates, answers };
}

interface Props {
  input: SuggestionInput;
  onApplyCategory(code: string): void;
  onApplyUrgency(u: string): void;
  onApplyLocation(l: { districtCode: string | null; streetCode: string | null; communityCode: string | null }): void;
  onApplyLead(code: string): void;
  onUseAnswer(text: string): void;
}

export function SuggestionsPanel({ input, onApplyCategory, onApplyUrgency, onApplyLocation, onApplyLead, onUseAnswer }: Props) {
  const { t, pick } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; s: SuggestionSet } | { kind: 'unavailable' }>({ kind: 'idle' });
  const text = `${input.subject}\n${input.detail}`.trim();

  useEffect(() => {
    if (text.length < 4) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setState({ kind: 'loading' });
      api
        .post<Partial<Raw>>('/api/intake/suggestions', { subject: input.subject || input.detail.slice(0, 50), detail: input.detail, ...(input.address ? { address: input.address } : {}), ...(input.kind ? { kind: input.kind } : {}) })
        .then((raw) => live && setState({ kind: 'ready', s: readSuggestions(raw) }))
        .catch(() => live && setState({ kind: 'unavailable' }));
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, input.subject, input.detail, input.address, input.kind]);

  const conf = (c: number | null) => (c === null ? null : <Tag color="blue">{Math.round(c * 100)}%</Tag>);
  const whyLine = (w: string | null) => (w ? <div style={{ fontSize: 12, color: '#888' }}>{t('why')}：{w}</div> : null);

  return (
    <Card title={<Space><BulbOutlined style={{ color: '#faad14' }} />{t('suggestions')}</Space>} size="small" data-testid="suggestions-panel">
      {state.kind === 'idle' && <Typography.Text type="secondary">{t('suggestionsHint')}</Typography.Text>}
      {state.kind === 'loading' && <Spin />}
      {state.kind === 'unavailable' && <Alert type="info" showIcon title={t('suggestionsUnavailable')} data-testid="suggestions-unavailable" />}
      {state.kind === 'ready' && (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          {state.s.categories.length === 0 && !state.s.urgency && !state.s.location && state.s.leads.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
          {state.s.categories.map((c) => (
            <div key={c.value}>
              <Space>
                <Typography.Text strong>{t('category')}</Typography.Text>
                <span>{c.label}</span>
                {conf(c.confidence)}
                <Button size="small" onClick={() => onApplyCategory(c.value)}>{t('apply')}</Button>
              </Space>
              {whyLine(c.why)}
            </div>
          ))}
          {state.s.urgency && (
            <div>
              <Space>
                <Typography.Text strong>{t('urgency')}</Typography.Text>
                <span>{pick(URGENCY_LABELS[state.s.urgency.value as CaseUrgency], state.s.urgency.label)}</span>
                <Button size="small" onClick={() => onApplyUrgency((state.s.urgency as Suggestion).value)}>{t('apply')}</Button>
              </Space>
              {whyLine(state.s.urgency.why)}
            </div>
          )}
          {state.s.location && (state.s.location.districtCode || state.s.location.streetCode) && (
            <div>
              <Space>
                <Typography.Text strong>{t('location')}</Typography.Text>
                <span>{state.s.location.label || state.s.location.streetCode || state.s.location.districtCode}</span>
                <Button size="small" onClick={() => onApplyLocation(state.s.location as { districtCode: string | null; streetCode: string | null; communityCode: string | null })}>{t('apply')}</Button>
              </Space>
              {whyLine(state.s.location.why)}
            </div>
          )}
          {state.s.leads.map((l) => (
            <div key={l.value}>
              <Space>
                <Typography.Text strong>{t('leadUnit')}</Typography.Text>
                <span>{l.label}</span>
                {conf(l.confidence)}
                <Button size="small" onClick={() => onApplyLead(l.value)}>{t('apply')}</Button>
              </Space>
              {whyLine(l.why)}
            </div>
          ))}
          {state.s.duplicates.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('duplicates')}</Typography.Text>}
              dataSource={state.s.duplicates}
              renderItem={(d) => (
                <List.Item>
                  <Link to={`/cases/${d.id}`}>{d.caseNumber}</Link> {d.subject} {whyLine(d.why)}
                </List.Item>
              )}
            />
          )}
          {state.s.answers.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('knowledge')}</Typography.Text>}
              dataSource={state.s.answers}
              renderItem={(a) => (
                <List.Item actions={[<Button key="use" size="small" onClick={() => onUseAnswer(a.text)}>{t('apply')}</Button>]}>
                  <List.Item.Meta title={a.title} description={a.text} />
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
