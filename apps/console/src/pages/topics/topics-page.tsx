// 每月一题 (the centre runs topics; lead departments see their tasks): topics with their problems,
// tasks (work items — same clocks, reminders and escalation as cases), policies and the effect
// before/after the start; the centre creates a topic from hotspot groups, starts and closes it, and
// downloads the monthly report.
import { Alert, App, Button, Card, Form, Input, List, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { Chart } from '../../components/chart';
import { UnitSelect } from '../../components/unit-select';
import { useI18n } from '../../i18n/i18n';
import type { HotspotGroup } from '../hotspots/hotspots-page';

interface Problem {
  id: string;
  seq: number;
  title: string;
  leadUnitName: string;
  coUnits: { code: string; name: string }[];
  topWords: string[];
  linkedCases: number;
  tasks: { total: number; done: number; overdue: number; open: number; inProgress: number };
}
interface TopicView {
  topic: { id: string; month: string; title: string; description: string; status: 'draft' | 'running' | 'closed'; version: number };
  problems: Problem[];
  policies: { id: string; title: string; issuingBody: string; issuedOn: string }[];
}
const STATUS_KEY = { draft: 'topicStatusDraft', running: 'topicStatusRunning', closed: 'topicStatusClosed' } as const;

interface Task {
  id: string;
  title: string;
  status: string;
  isOverdue: boolean;
  owner: { unit: { name: string } };
  clock: { dueAt: string };
}
interface Effect {
  series: { week: number; count: number; resolutionRate: number | null }[];
  before: { perWeek: number; resolutionRate: number | null };
  after: { perWeek: number; resolutionRate: number | null };
}

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
      setTopics((await api.get<{ items: TopicView[] }>('/api/topics')).items);
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (id: string, action: 'start' | 'close', version: number) => {
    try {
      await api.post(`/api/topics/${id}/actions/${action}`, { expectedVersion: version });
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
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tasks, setTasks] = useState<Task[]>([]);
  const [effect, setEffect] = useState<Effect | null>(null);
  const [form] = Form.useForm<{ title: string; ownerUnitCode: string; dueInWorkingDays: number }>();
  const base = `/api/topics/${topic.topic.id}/problems/${problem.id}`;
  const load = useCallback(async () => {
    try {
      setTasks((await api.get<{ items: Task[] }>(`${base}/tasks`)).items);
      if (topic.topic.status !== 'draft') setEffect(await api.get<Effect>(`${base}/effect`).catch(() => null));
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  }, [base, topic.topic.status, message]);
  useEffect(() => {
    void load();
  }, [load]);
  const addTask = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`${base}/tasks`, { ...v, dueInWorkingDays: Number(v.dueInWorkingDays) });
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
                {r.status}
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
          <Chart
            height={200}
            option={{
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'category', data: effect.series.map((b) => String(b.week)) },
              yAxis: [
                { type: 'value', minInterval: 1 },
                { type: 'value', max: 1 },
              ],
              series: [
                { name: t('topicsLinked'), type: 'bar', data: effect.series.map((b) => b.count) },
                { name: t('topicsResolution'), type: 'line', yAxisIndex: 1, data: effect.series.map((b) => b.resolutionRate) },
              ],
            }}
          />
        </>
      )}
    </Card>
  );
}

function CreateTopicModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [groups, setGroups] = useState<HotspotGroup[]>([]);
  const [form] = Form.useForm<{ month: string; title: string; problems: { title: string; leadUnitCode: string; sourceGroupId?: string }[] }>();
  useEffect(() => {
    if (open)
      void api.get<{ groups: HotspotGroup[] }>('/api/hotspots', { limit: 20 }).then(
        (r) => setGroups(r.groups),
        () => setGroups([]),
      );
  }, [open]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/api/topics', v);
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
