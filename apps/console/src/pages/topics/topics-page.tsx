// 每月一题 (the centre runs topics; lead departments see their tasks): topics with their problems,
// tasks (work items — same clocks, reminders and escalation as cases), policies and the effect
// before/after the start; the centre creates a topic from hotspot groups, starts and closes it, and
// downloads the monthly report.
import { Alert, App, Button, Card, Form, Input, List, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { HOTSPOT_ENDPOINTS, type ResponseOf, TOPIC_ENDPOINTS } from '@jiesu/contracts';
import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { Chart } from '../../components/chart';
import { UnitSelect } from '../../components/unit-select';
import { useI18n } from '../../i18n/i18n';
import { WORK_ITEM_STATUS_LABELS, workItemStatusColor } from '../../i18n/labels';
import type { HotspotGroup } from '../hotspots/hotspots-page';
import type { EChartsOption } from 'echarts';

const E = TOPIC_ENDPOINTS;
type TopicView = ResponseOf<typeof E.get>;
type Problem = TopicView['problems'][number];
type Task = ResponseOf<typeof E.tasks>['items'][number];
type Effect = ResponseOf<typeof E.effect>;
const STATUS_KEY = { draft: 'topicStatusDraft', running: 'topicStatusRunning', closed: 'topicStatusClosed' } as const;

async function downloadReport(id: string, month: string): Promise<void> {
  const res = await fetch(`/api/topics/${id}/report.xlsx`, { headers: { authorization: `Bearer ${api.token ?? ''}` } });
  if (!res.ok) throw new Error(String(res.status));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = `topic-${month}.xlsx`;
  a.click();
  URL.revokeObjectURL(a.href);
}

export function TopicsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me, hasRole } = useAuth();
  // The server decides (403 otherwise); this only hides buttons the actor could not use.
  const isRunner = me !== null && me.unitClass === 'centre' && hasRole('supervisor', 'unit_leader', 'administrator');
  const [topics, setTopics] = useState<TopicView[]>([]);
  const [creating, setCreating] = useState(false);
  const load = useCallback(async () => {
    try {
      setTopics((await api.call(E.list, {})).items);
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (id: string, action: 'start' | 'close', version: number) => {
    try {
      await api.call(E.act, { params: { id, action }, body: { expectedVersion: version } });
      await load();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {isRunner && (
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('topicsCreate')}
        </Button>
      )}
      {topics.length === 0 && <Alert type="info" message={t('topicsNone')} />}
      {topics.map((v) => (
        <Card
          key={v.topic.id}
          title={
            <Space>
              <Tag color="red">{v.topic.month}</Tag>
              {v.topic.title}
              <Tag>{t(STATUS_KEY[v.topic.status])}</Tag>
            </Space>
          }
          extra={
            isRunner && (
              <Space>
                {v.topic.status === 'draft' && <Button onClick={() => void act(v.topic.id, 'start', v.topic.version)}>{t('topicsStart')}</Button>}
                {v.topic.status === 'running' && <Button onClick={() => void act(v.topic.id, 'close', v.topic.version)}>{t('topicsClose')}</Button>}
                <Button onClick={() => void downloadReport(v.topic.id, v.topic.month)}>{t('topicsReport')}</Button>
              </Space>
            )
          }
        >
          {v.problems.map((p) => (
            <ProblemPanel key={p.id} topic={v} problem={p} isRunner={isRunner} onChange={load} />
          ))}
          <Typography.Title level={5}>{t('topicsPolicies')}</Typography.Title>
          <List
            size="small"
            dataSource={v.policies}
            renderItem={(x) => (
              <List.Item>
                {x.title} · {x.issuingBody} · {x.issuedOn}
              </List.Item>
            )}
          />
        </Card>
      ))}
      <CreateTopicModal open={creating} onClose={() => setCreating(false)} onCreated={load} />
    </Space>
  );
}

function ProblemPanel({ topic, problem, isRunner, onChange }: { topic: TopicView; problem: Problem; isRunner: boolean; onChange: () => Promise<void> }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [tasks, setTasks] = useState<Task[]>([]);
  const [effect, setEffect] = useState<Effect | null>(null);
  const [form] = Form.useForm<{ title: string; ownerUnitCode: string; dueInWorkingDays: number }>();
  const topicId = topic.topic.id;
  const problemId = problem.id;
  const load = useCallback(async () => {
    const params = { id: topicId, problemId };
    try {
      setTasks((await api.call(E.tasks, { params })).items);
      if (topic.topic.status !== 'draft') setEffect(await api.call(E.effect, { params }).catch(() => null));
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  }, [topicId, problemId, topic.topic.status, message]);
  useEffect(() => {
    void load();
  }, [load]);
  const addTask = async () => {
    const v = await form.validateFields();
    try {
      await api.call(
        E.createTask,
        { params: { id: topicId, problemId }, body: { ...v, dueInWorkingDays: Number(v.dueInWorkingDays) } },
        { 'idempotency-key': crypto.randomUUID() },
      );
      form.resetFields();
      await load();
      await onChange();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const share = problem.tasks.total ? Math.round((problem.tasks.done / problem.tasks.total) * 100) : 0;
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginBottom: 12 }}
      title={`${problem.seq}. ${problem.title}`}
      extra={
        <span>
          {t('topicsLead')}: {problem.leadUnitName}
        </span>
      }
    >
      <Space wrap>
        {problem.coUnits.length > 0 && (
          <span>
            {t('topicsCo')}: {problem.coUnits.map((u) => u.name).join('、')}
          </span>
        )}
        <span>
          {t('topicsLinked')}: {problem.linkedCases}
        </span>
        {problem.topWords.map((w) => (
          <Tag key={w}>{w}</Tag>
        ))}
      </Space>
      <Progress percent={share} size="small" status={problem.tasks.overdue > 0 ? 'exception' : 'normal'} format={() => `${problem.tasks.done}/${problem.tasks.total}`} />
      <Table<Task>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={tasks}
        columns={[
          { title: t('topicsTask'), dataIndex: 'title', render: (v: string, r) => <a href={`/work-items/${r.id}`}>{v}</a> },
          { title: t('topicsOwner'), render: (_, r) => r.owner.unit.name },
          { title: t('topicsDue'), render: (_, r) => new Date(r.clock.dueAt).toLocaleDateString() },
          {
            title: t('topicsTaskStatus'),
            render: (_, r) => (
              <Space>
                <Tag color={workItemStatusColor(r.status)}>{pick(WORK_ITEM_STATUS_LABELS[r.status])}</Tag>
                {r.isOverdue && <Tag color="red">{t('topicsOverdue')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {isRunner && topic.topic.status !== 'closed' && (
        <Form form={form} layout="inline" style={{ marginTop: 8 }}>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('topicsTask')} />
          </Form.Item>
          <Form.Item name="ownerUnitCode" rules={[{ required: true }]}>
            <UnitSelect placeholder={t('topicsOwner')} />
          </Form.Item>
          <Form.Item name="dueInWorkingDays" rules={[{ required: true }]}>
            <Input type="number" placeholder={t('topicsDueDays')} style={{ width: 120 }} />
          </Form.Item>
          <Button onClick={() => void addTask()}>{t('topicsAddTask')}</Button>
        </Form>
      )}
      {effect && (
        <>
          <Typography.Text type="secondary">
            {t('topicsEffect')}: {effect.before.perWeek} → {effect.after.perWeek} / {t('topicsPerWeek')}
          </Typography.Text>
          <Chart height={300} option={effectOption(effect, { count: t('topicsLinked'), resolution: t('topicsResolution'), start: t('topicsStart') })} />
        </>
      )}
    </Card>
  );
}

/**
 * Cases a week (bars, left axis) and the resolution rate (line, right axis, 0–100%) by the week's
 * first day, with the start marked: before/after at a glance.
 */
function effectOption(effect: Effect, names: { count: string; resolution: string; start: string }): EChartsOption {
  const days = effect.series.map((b) => b.from.slice(5, 10));
  const startDay = effect.series.find((b) => b.week === 0)?.from.slice(5, 10);
  return {
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    legend: { top: 0, data: [names.count, names.resolution] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: names.count, minInterval: 1 },
      { type: 'value', name: names.resolution, min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false } },
    ],
    series: [
      {
        name: names.count,
        type: 'bar',
        data: effect.series.map((b) => b.count),
        itemStyle: { color: '#5b8ff9' },
        ...(startDay !== undefined
          ? { markLine: { symbol: 'none', label: { formatter: names.start }, lineStyle: { color: '#cf1322', type: 'dashed' }, data: [{ xAxis: startDay }] } }
          : {}),
      },
      { name: names.resolution, type: 'line', yAxisIndex: 1, connectNulls: true, data: effect.series.map((b) => b.resolutionRate), itemStyle: { color: '#52c41a' } },
    ],
  };
}

function CreateTopicModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [groups, setGroups] = useState<HotspotGroup[]>([]);
  const [form] = Form.useForm<{ month: string; title: string; problems: { title: string; leadUnitCode: string; sourceGroupId?: string }[] }>();
  useEffect(() => {
    if (open)
      void api.call(HOTSPOT_ENDPOINTS.list, { query: { limit: 20 } }).then(
        (r) => setGroups(r.groups),
        () => setGroups([]),
      );
  }, [open]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.call(E.create, { body: v }, { 'idempotency-key': crypto.randomUUID() });
      onClose();
      await onCreated();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void submit()} title={t('topicsCreate')} width={720}>
      <Form form={form} layout="vertical" initialValues={{ problems: [{}, {}] }}>
        <Form.Item name="month" label={t('hotspotsMonth')} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/ }]}>
          <Input placeholder="2026-12" />
        </Form.Item>
        <Form.Item name="title" label={t('topicsTitle')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.List name="problems">
          {(fields) =>
            fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}>
                  <Input placeholder={t('topicsProblem')} />
                </Form.Item>
                <Form.Item name={[f.name, 'leadUnitCode']} rules={[{ required: true }]}>
                  <UnitSelect placeholder={t('topicsLead')} />
                </Form.Item>
                <Form.Item name={[f.name, 'sourceGroupId']}>
                  <Select
                    allowClear
                    style={{ width: 240 }}
                    placeholder={t('topicsFromGroup')}
                    options={groups.map((g) => ({ value: g.id, label: `#${g.rank} ${g.topWords.slice(0, 4).join(' ')}` }))}
                  />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
      </Form>
    </Modal>
  );
}
