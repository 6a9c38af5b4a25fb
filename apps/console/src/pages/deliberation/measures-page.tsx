// 议事成效: a community's deliberation measures for a quarter of the evaluation calendar, and the
// scores the street's quarterly assessment of its communities can use.
import { DELIBERATION_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { DELIBERATION_ASSESSMENT_ITEMS } from '@jiesu/core';
import { Card, Descriptions, Input, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { CommunityPicker, useCommunities } from './deliberation-shared';

type MeasuresView = ResponseOf<typeof DELIBERATION_ENDPOINTS.measures>;

function currentQuarter(): string {
  const d = dayjs();
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function DeliberationMeasuresPage() {
  const { t, lang } = useI18n();
  const { communities, current, setCurrent } = useCommunities();
  const [quarter, setQuarter] = useState(currentQuarter);
  const [view, setView] = useState<MeasuresView | null>(null);
  const load = useCallback(() => {
    if (!current || !/^\d{4}-Q[1-4]$/.test(quarter)) return;
    api
      .call(DELIBERATION_ENDPOINTS.measures, { query: { communityCode: current, quarterKey: quarter } })
      .then(setView)
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report is stable for this load
  }, [current, quarter]);
  const report = useReportError(load);
  useEffect(load, [load]);
  const m = view?.measures;
  return (
    <Card
      title={t('menuDeliberationMeasures')}
      extra={
        <Space wrap>
          <CommunityPicker communities={communities} value={current} onChange={setCurrent} />
          <Input style={{ width: 110 }} value={quarter} onChange={(e) => setQuarter(e.target.value.trim())} addonBefore={t('dlQuarter')} data-testid="quarter" />
        </Space>
      }
    >
      {m && view ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="measures">
          <Space wrap size={24}>
            <Statistic title={t('dlMeetingsHeld')} value={m.meetingsHeld} />
            <Statistic title={t('dlItemsDecided')} value={m.itemsDecided} />
            <Statistic title={t('dlTasksOnTime')} value={`${m.tasksDoneOnTime}/${m.tasksDue}`} suffix={pct(m.tasksOnTimeShare)} />
            <Statistic title={t('dlProposalsAnswered')} value={`${m.proposalsAnswered}/${m.proposalsReceived}`} suffix={pct(m.proposalsAnsweredShare)} />
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('dlTasksOverdue')}>{m.tasksOverdueOpen}</Descriptions.Item>
            <Descriptions.Item label={t('dlDeliberatedShare')}>{`${m.casesDeliberated}/${m.casesInCommunity} · ${pct(m.deliberatedCaseShare)}`}</Descriptions.Item>
            <Descriptions.Item label={t('dlQuarter')}>{`${dayjs(view.from).format('YYYY-MM-DD')} – ${dayjs(view.to).subtract(1, 'day').format('YYYY-MM-DD')}`}</Descriptions.Item>
          </Descriptions>
          <Descriptions size="small" column={1} title={t('dlAssessment')}>
            {DELIBERATION_ASSESSMENT_ITEMS.map((i) => (
              <Descriptions.Item key={i.key} label={lang === 'zh' ? i.label : i.labelEn}>
                {view.assessmentScores[i.key] ?? 0} / {i.maxScore}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Space>
      ) : null}
    </Card>
  );
}
