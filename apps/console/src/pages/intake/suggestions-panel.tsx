// 智能建议: asks POST /api/intake/suggestions (category, urgency, location, lead unit, likely
// duplicates, knowledge-base answers) as the operator types. Suggestions, never decisions: each
// has an "apply" button and says why. When the service is missing or fails, the panel says it is
// unavailable and the form works as before.
import { BulbOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { INTAKE_ENDPOINTS } from '@jiesu/contracts';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { URGENCY_LABELS } from '../../i18n/labels';
import type { CaseKind, CaseUrgency } from '@jiesu/core';
import { type RawSuggestions, readSuggestions, type Suggestion, type SuggestionSet } from './read-suggestions';

export interface SuggestionInput {
  subject: string;
  detail: string;
  address: string;
  kind: string;
  /** The category the operator chose (a level-1, -2 or -3 code): the lead is routed on it. */
  categoryCode: string;
}

interface Props {
  input: SuggestionInput;
  onApplyCategory(code: string): void;
  onApplyUrgency(u: string): void;
  onApplyLocation(l: { districtCode: string | null; streetCode: string | null; communityCode: string | null }): void;
  onApplyLead(lead: { code: string; name: string }, coHandlers: { code: string; name: string }[]): void;
  /** The lead currently suggested (null when none): pre-fills the dispatch when the operator applied nothing. */
  onSuggestedLead?(lead: { code: string; coHandlers: string[] } | null): void;
  onUseAnswer(text: string): void;
}

export function SuggestionsPanel({ input, onApplyCategory, onApplyUrgency, onApplyLocation, onApplyLead, onSuggestedLead, onUseAnswer }: Props) {
  const { t, pick, lang } = useI18n();
  // The raw answer is kept so switching the language re-reads the reasons without asking again.
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; raw: Partial<RawSuggestions> } | { kind: 'unavailable' }>({ kind: 'idle' });
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
        .call(INTAKE_ENDPOINTS.suggestions, {
          body: {
            subject: input.subject || input.detail.slice(0, 50),
            detail: input.detail,
            ...(input.address ? { address: input.address } : {}),
            ...(input.kind ? { kind: input.kind as CaseKind } : {}),
            ...(input.categoryCode ? { categoryCode: input.categoryCode } : {}),
          },
        })
        .then((raw) => live && setState({ kind: 'ready', raw }))
        .catch(() => live && setState({ kind: 'unavailable' }));
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, input.subject, input.detail, input.address, input.kind, input.categoryCode]);

  const view: SuggestionSet | null = useMemo(() => (state.kind === 'ready' ? readSuggestions(state.raw, lang) : null), [state, lang]);
  const top = view?.leads[0];
  const topKey = top ? `${top.value}|${top.coHandlers.map((u) => u.code).join(',')}` : '';
  useEffect(() => {
    onSuggestedLead?.(top ? { code: top.value, coHandlers: top.coHandlers.map((u) => u.code) } : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [topKey]);
  const conf = (c: number | null) => (c === null ? null : <Tag color="blue">{Math.round(c * 100)}%</Tag>);
  const whyLine = (w: string | null) =>
    w ? (
      <div style={{ fontSize: 12, color: '#888' }}>
        {t('why')}：{w}
      </div>
    ) : null;

  return (
    <Card
      title={
        <Space>
          <BulbOutlined style={{ color: '#faad14' }} />
          {t('suggestions')}
        </Space>
      }
      size="small"
      data-testid="suggestions-panel"
    >
      {state.kind === 'idle' && <Typography.Text type="secondary">{t('suggestionsHint')}</Typography.Text>}
      {state.kind === 'loading' && <Spin />}
      {state.kind === 'unavailable' && <Alert type="info" showIcon title={t('suggestionsUnavailable')} data-testid="suggestions-unavailable" />}
      {view !== null && (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          {view.categories.length === 0 && !view.urgency && !view.location && view.leads.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
          {view.categories.map((c) => (
            <div key={c.value} data-testid="suggested-category">
              <Space>
                <Typography.Text strong>{t('category')}</Typography.Text>
                <span>{c.label}</span>
                {conf(c.confidence)}
                <Button size="small" onClick={() => onApplyCategory(c.value)}>
                  {t('apply')}
                </Button>
              </Space>
              {whyLine(c.why)}
            </div>
          ))}
          {view.urgency && (
            <div>
              <Space>
                <Typography.Text strong>{t('urgency')}</Typography.Text>
                <span>{pick(URGENCY_LABELS[view.urgency.value as CaseUrgency], view.urgency.label)}</span>
                <Button size="small" onClick={() => onApplyUrgency((view.urgency as Suggestion).value)}>
                  {t('apply')}
                </Button>
              </Space>
              {whyLine(view.urgency.why)}
            </div>
          )}
          {view.location && (view.location.districtCode || view.location.streetCode) && (
            <div>
              <Space>
                <Typography.Text strong>{t('location')}</Typography.Text>
                <span>{view.location.label || view.location.streetCode || view.location.districtCode}</span>
                <Button size="small" onClick={() => onApplyLocation(view.location as { districtCode: string | null; streetCode: string | null; communityCode: string | null })}>
                  {t('apply')}
                </Button>
              </Space>
              {whyLine(view.location.why)}
            </div>
          )}
          {view.leads.map((l) => (
            <div key={l.value} data-testid="suggested-lead">
              <Space wrap>
                <Typography.Text strong>{t('leadUnit')}</Typography.Text>
                <span>{l.label}</span>
                {conf(l.confidence)}
                <Button size="small" onClick={() => onApplyLead({ code: l.value, name: l.label }, l.coHandlers)} data-testid="apply-lead">
                  {t('apply')}
                </Button>
              </Space>
              {l.coHandlers.length > 0 && (
                <div data-testid="suggested-co-handlers">
                  <Typography.Text type="secondary">{t('coHandlers')}：</Typography.Text>
                  {l.coHandlers.map((u) => (
                    <Tag key={u.code}>{u.name}</Tag>
                  ))}
                </div>
              )}
              {whyLine(l.why)}
            </div>
          ))}
          {view.duplicates.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('duplicates')}</Typography.Text>}
              dataSource={view.duplicates}
              renderItem={(d) => (
                <List.Item>
                  <Link to={`/cases/${d.id}`}>{d.caseNumber}</Link> {d.subject} {whyLine(d.why)}
                </List.Item>
              )}
            />
          )}
          {view.answers.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('knowledge')}</Typography.Text>}
              dataSource={view.answers}
              renderItem={(a) => (
                <List.Item
                  actions={[
                    <Button key="use" size="small" onClick={() => onUseAnswer(a.text)} data-testid="use-answer">
                      {t('apply')}
                    </Button>,
                  ]}
                >
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
