// 议事会: the community's meetings as phone-width cards, newest first, and the form to schedule
// one (time, place, chair — possibly a resident —, eligible voters, vote rules).
import { DELIBERATION_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { MEETING_STATUS_INFO } from '@jiesu/core';
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { CommunityPicker, FieldsModal, localToIso, STATUS_COLORS, useCommunities } from './deliberation-shared';

type MeetingList = ResponseOf<typeof DELIBERATION_ENDPOINTS.meetings>;
export type MeetingSummary = MeetingList['items'][number];

export function MeetingsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { communities, current, setCurrent } = useCommunities();
  const [page, setPage] = useState<MeetingList | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const load = useCallback(() => {
    if (!current) return;
    api
      .call(DELIBERATION_ENDPOINTS.meetings, { query: { communityCode: current, limit: 100 } })
      .then(setPage)
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report is stable for this load
  }, [current]);
  const report = useReportError(load);
  useEffect(load, [load]);

  return (
    <Card
      title={t('menuMeetings')}
      extra={
        <Space wrap>
          <CommunityPicker communities={communities} value={current} onChange={setCurrent} />
          <Button type="primary" onClick={() => setScheduling(true)} disabled={!current} data-testid="schedule-meeting">
            {t('dlScheduleMeeting')}
          </Button>
        </Space>
      }
    >
      {communities.length === 0 ? <Empty description={t('dlNoCommunity')} /> : null}
      <List
        dataSource={page?.items ?? []}
        locale={{ emptyText: t('empty') }}
        data-testid="meetings"
        renderItem={(m) => (
          <List.Item>
            <Link to={`/deliberation/meetings/${m.id}`} style={{ width: '100%' }} data-testid="meeting-link">
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={STATUS_COLORS[m.status]}>{MEETING_STATUS_INFO[m.status][lang]}</Tag>
                  <Typography.Text strong>{m.title}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">
                  {dayjs(m.scheduledAt).format('YYYY-MM-DD HH:mm')} · {m.place}
                </Typography.Text>
              </Space>
            </Link>
          </List.Item>
        )}
      />
      <FieldsModal
        open={scheduling}
        title={t('dlScheduleMeeting')}
        testId="schedule-form"
        onClose={() => setScheduling(false)}
        fields={[
          { name: 'title', label: t('dlTitle'), kind: 'text', required: true },
          { name: 'scheduledAt', label: t('dlTime'), kind: 'datetime', required: true, initial: dayjs().add(7, 'day').hour(15).minute(0).format('YYYY-MM-DDTHH:mm') },
          { name: 'place', label: t('dlPlace'), kind: 'text', required: true },
          { name: 'chairName', label: t('dlChair'), kind: 'text', required: true },
          { name: 'isChairResident', label: t('dlChairIsResident'), kind: 'switch', initial: true },
          { name: 'eligibleVoters', label: t('dlEligible'), kind: 'number', required: true, min: 1, initial: 15 },
          { name: 'quorumPercent', label: t('dlQuorum'), kind: 'number', min: 1, max: 100, initial: 50 },
          {
            name: 'majority',
            label: t('dlMajority'),
            kind: 'select',
            initial: 'simple',
            options: [
              { value: 'simple', label: t('dlMajoritySimple') },
              { value: 'two_thirds', label: t('dlMajorityTwoThirds') },
            ],
          },
          { name: 'abstentionsCount', label: t('dlAbstentionsCount'), kind: 'switch', initial: false },
        ]}
        onOk={async (v) => {
          try {
            if (!current) return; // the button is disabled until a community is chosen
            const created = await api.call(DELIBERATION_ENDPOINTS.scheduleMeeting, {
              body: {
                communityCode: current,
                title: String(v.title),
                scheduledAt: localToIso(v.scheduledAt),
                place: String(v.place),
                chairName: String(v.chairName),
                isChairResident: v.isChairResident === true,
                eligibleVoters: Number(v.eligibleVoters),
                voteRules: {
                  quorumShare: Number(v.quorumPercent ?? 50) / 100,
                  majority: v.majority === 'two_thirds' ? 'two_thirds' : 'simple',
                  abstentionsCount: v.abstentionsCount === true,
                },
              },
            });
            setScheduling(false);
            void message.success(t('done'));
            void navigate(`/deliberation/meetings/${created.id}`);
          } catch (e) {
            report(e);
            throw e;
          }
        }}
      />
    </Card>
  );
}
