// 未诉先办 for street leaders (desktop): who covers which communities (包干, gaps flagged), early
// warnings with their evidence chart and cases (turned into a task for the zone's leader), policy
// notices with their read receipts, and the street's measures. Every rule is the server's.
import { NOTICE_ENDPOINTS, PROACTIVE_ENDPOINTS, type ResponseOf, USER_ENDPOINTS } from '@jiesu/contracts';
import { Alert, App, Button, Card, DatePicker, Drawer, Empty, Form, Input, List, Modal, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { useAuth } from '../../auth';
import { warningEvidenceOption } from '../../charts/warning-evidence';
import { Chart } from '../../components/chart';
import { UnitSelect } from '../../components/unit-select';
import { useReportError } from '../../components/use-report-error';
import { useProactiveStrings } from '../../i18n/proactive-strings';
import { WorkItemList } from '../work-items/WorkItemList';
import { useMyStreet, type ZonesView } from './use-street';

type WarningView = ResponseOf<typeof PROACTIVE_ENDPOINTS.warnings>[number];
type WarningDetail = ResponseOf<typeof PROACTIVE_ENDPOINTS.warning>;

type NoticeView = ResponseOf<typeof NOTICE_ENDPOINTS.list>[number];

type MeasuresView = ResponseOf<typeof PROACTIVE_ENDPOINTS.measures>;

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);

function ZonesTab({ streetCode }: { streetCode: string }) {
  const p = useProactiveStrings();
  const report = useReportError();
  const { message } = App.useApp();
  const [view, setView] = useState<ZonesView | null>(null);
  const [leaders, setLeaders] = useState<User[]>([]);
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; communityCodes: string[]; leaderUserId: string; team?: string; term: [Dayjs, Dayjs | null] }>();
  const load = useCallback(
    () =>
      api
        .call(PROACTIVE_ENDPOINTS.zones, { params: { street: streetCode } })
        .then(setView)
        .catch(report),
    [streetCode, report],
  );
  useEffect(() => {
    void load();
    api
      .call(USER_ENDPOINTS.list, { query: { unit: streetCode, limit: 200 } })
      .then((r) => setLeaders(r.items))
      .catch(() => undefined);
  }, [load, streetCode]);
  const name = (code: string) => view?.communities.find((c) => c.code === code)?.name ?? code;
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api.call(PROACTIVE_ENDPOINTS.createZone, {
        params: { street: streetCode },
        body: {
          name: v.name,
          communityCodes: v.communityCodes,
          leaderUserId: v.leaderUserId,
          team: (v.team ?? '')
            .split(/[,，、]/)
            .map((s) => s.trim())
            .filter(Boolean)
            .map((n) => ({ name: n })),
          termStart: v.term[0].format('YYYY-MM-DD'),
          termEnd: v.term[1] ? v.term[1].format('YYYY-MM-DD') : null,
        },
      });
      setOpen(false);
      form.resetFields();
      message.success(p('newZone'));
      void load();
    } catch (e) {
      report(e);
    }
  };
  if (!view) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {view.coverage.gaps.length > 0 ? (
        <Alert type="warning" showIcon data-testid="zone-gaps" message={`${p('gaps')}：${view.coverage.gaps.length}`} description={view.coverage.gaps.map(name).join('、')} />
      ) : (
        <Alert type="success" showIcon message={p('noGaps')} />
      )}
      <Button type="primary" onClick={() => setOpen(true)}>
        {p('newZone')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={view.zones}
        columns={[
          { title: p('zoneName'), dataIndex: 'name' },
          { title: p('leader'), dataIndex: 'leaderName' },
          { title: p('team'), render: (_: unknown, z) => z.team.map((m) => m.name).join('、') },
          { title: p('communities'), render: (_: unknown, z) => z.communityCodes.map((c) => <Tag key={c}>{name(c)}</Tag>) },
          { title: p('term'), render: (_: unknown, z) => `${z.termStart} — ${z.termEnd ?? p('openEnded')}` },
          { title: p('status'), render: (_: unknown, z) => (z.isInForce ? <Tag color="green">{p('inForce')}</Tag> : <Tag>{p('retired')}</Tag>) },
        ]}
      />
      <Modal open={isOpen} title={p('newZone')} onCancel={() => setOpen(false)} onOk={() => void create()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ term: [dayjs().startOf('year'), dayjs().endOf('year')] }}>
          <Form.Item name="name" label={p('zoneName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="communityCodes" label={p('communities')} rules={[{ required: true }]}>
            <Select mode="multiple" optionFilterProp="label" options={view.communities.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
          <Form.Item name="leaderUserId" label={p('leader')} rules={[{ required: true }]}>
            <Select options={leaders.map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
          <Form.Item name="team" label={p('team')}>
            <Input placeholder="张三、李四" />
          </Form.Item>
          <Form.Item name="term" label={p('term')} rules={[{ required: true }]}>
            <DatePicker.RangePicker allowEmpty={[false, true]} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function WarningsTab({ streetCode }: { streetCode: string }) {
  const p = useProactiveStrings();
  const report = useReportError();
  const { message, modal } = App.useApp();
  const [list, setList] = useState<WarningView[]>([]);
  const [open, setOpenId] = useState<WarningDetail | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const load = useCallback(
    () =>
      api
        .call(PROACTIVE_ENDPOINTS.warnings, { params: { street: streetCode } })
        .then(setList)
        .catch(report),
    [streetCode, report],
  );
  useEffect(() => void load(), [load]);
  const show = (id: string) => api.call(PROACTIVE_ENDPOINTS.warning, { params: { id } }).then(setOpenId).catch(report);
  const scan = () =>
    api
      .call(PROACTIVE_ENDPOINTS.scanWarnings, { params: { street: streetCode }, body: {} })
      .then((r) => {
        message.success(`${p('scanned')}：${r.series} / ${r.raised.length}`);
        void load();
      })
      .catch(report);
  const toTask = (id: string) =>
    api
      .call(PROACTIVE_ENDPOINTS.warningTask, { params: { id }, body: {} })
      .then(() => {
        setOpenId(null);
        setReloadKey((k) => k + 1);
        void load();
      })
      .catch(report);
  const dismiss = (id: string) => {
    let reason = '';
    modal.confirm({
      title: p('dismiss'),
      content: <Input.TextArea placeholder={p('dismissReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () =>
        api
          .call(PROACTIVE_ENDPOINTS.dismissWarning, { params: { id }, body: { reason } })
          .then(() => {
            setOpenId(null);
            void load();
          })
          .catch(report),
    });
  };
  const statusTag = (s: WarningView['status']) =>
    s === 'open' ? <Tag color="red">{p('statusOpen')}</Tag> : s === 'actioned' ? <Tag color="blue">{p('statusActioned')}</Tag> : <Tag>{p('statusDismissed')}</Tag>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => void scan()}>{p('scan')}</Button>
      <Table
        rowKey="id"
        size="small"
        dataSource={list}
        onRow={(w) => ({ onClick: () => void show(w.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: p('detectedOn'), dataIndex: 'detectedOn' },
          { title: p('community'), dataIndex: 'communityName' },
          { title: p('category'), dataIndex: 'categoryName' },
          { title: p('warningKind'), render: (_: unknown, w) => <Tag color={w.kind === 'surge' ? 'volcano' : 'gold'}>{w.kind === 'surge' ? p('surge') : p('seasonal')}</Tag> },
          { title: p('observed'), dataIndex: 'observed' },
          { title: p('expected'), dataIndex: 'expected' },
          { title: p('ratio'), render: (_: unknown, w) => `×${w.ratio}` },
          { title: p('status'), render: (_: unknown, w) => statusTag(w.status) },
        ]}
      />
      <Card size="small" title={p('tabTasks')}>
        <WorkItemList kind="warning_action" reloadKey={reloadKey} pageSize={10} />
      </Card>
      <Drawer open={open !== null} width={720} onClose={() => setOpenId(null)} title={open ? `${open.communityName} · ${open.categoryName}` : ''}>
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space>
              {statusTag(open.status)}
              <Statistic title={p('observed')} value={open.observed} />
              <Statistic title={p('expected')} value={open.expected} />
              <Statistic title={p('ratio')} value={`×${open.ratio}`} />
            </Space>
            <Chart
              option={warningEvidenceOption(open.series, { observed: p('seriesObserved'), lastYear: p('seriesLastYear'), expected: p('seriesExpected'), upper: p('seriesUpper') })}
            />
            <Typography.Title level={5}>{p('cases')}</Typography.Title>
            <List
              size="small"
              dataSource={open.cases}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link> {c.subject}
                </List.Item>
              )}
            />
            {open.status === 'open' && (
              <Space>
                <Button type="primary" onClick={() => void toTask(open.id)}>
                  {p('toTask')}
                </Button>
                <Button onClick={() => dismiss(open.id)}>{p('dismiss')}</Button>
              </Space>
            )}
          </Space>
        )}
      </Drawer>
    </Space>
  );
}

function NoticesTab({ streetCode }: { streetCode: string }) {
  const p = useProactiveStrings();
  const report = useReportError();
  const { me } = useAuth();
  const [list, setList] = useState<NoticeView[]>([]);
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; body: string; unitCodes: string[]; ackDueAt: Dayjs }>();
  const load = useCallback(() => api.call(NOTICE_ENDPOINTS.list, {}).then(setList).catch(report), [report]);
  useEffect(() => void load(), [load]);
  const isSender = me?.unitClass === 'street' || me?.unitClass === 'district' || me?.unitClass === 'centre';
  const send = async () => {
    const v = await form.validateFields();
    try {
      await api.call(
        NOTICE_ENDPOINTS.send,
        { body: { title: v.title, body: v.body, unitCodes: v.unitCodes, ackDueAt: v.ackDueAt.toISOString() } },
        { 'idempotency-key': `notice-${crypto.randomUUID()}` },
      );
      setOpen(false);
      form.resetFields();
      void load();
    } catch (e) {
      report(e);
    }
  };
  const acknowledge = (id: string) => api.call(NOTICE_ENDPOINTS.acknowledge, { params: { id }, body: {} }).then(load).catch(report);
  const reportAction = (id: string, text: string) => api.call(NOTICE_ENDPOINTS.reportAction, { params: { id }, body: { text } }).then(load).catch(report);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {isSender && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {p('sendNotice')}
        </Button>
      )}
      {list.length === 0 && <Empty />}
      {list.map((n) => (
        <Card
          key={n.id}
          size="small"
          title={n.title}
          extra={`${p('ackDue')} ${dayjs(n.ackDueAt).format('YYYY-MM-DD HH:mm')} · ${p('acknowledged')} ${n.acknowledged}/${n.recipients.length}`}
        >
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }}>{n.body}</Typography.Paragraph>
          <Table
            rowKey="unitCode"
            size="small"
            pagination={false}
            dataSource={n.recipients}
            columns={[
              { title: p('noticeUnits'), dataIndex: 'unitName' },
              {
                title: p('receipts'),
                render: (_: unknown, r) => (
                  <Space size={4} wrap>
                    {r.acknowledgedAt ? (
                      <Tag color={r.isOnTime ? 'green' : 'orange'}>
                        {r.isOnTime ? p('onTime') : p('late')} {dayjs(r.acknowledgedAt).format('MM-DD HH:mm')}
                      </Tag>
                    ) : (
                      <Tag>{p('pending')}</Tag>
                    )}
                    {r.remindedAt && <Tag color="gold">{p('reminded')}</Tag>}
                    {r.escalatedAt && <Tag color="red">{p('escalated')}</Tag>}
                  </Space>
                ),
              },
              { title: p('actionText'), render: (_: unknown, r) => r.actions.map((a) => <div key={a.at}>{a.text}</div>) },
              {
                title: '',
                render: (_: unknown, r) =>
                  r.unitCode === me?.unitCode ? (
                    <Space>
                      {!r.acknowledgedAt && (
                        <Button size="small" type="primary" onClick={() => void acknowledge(n.id)}>
                          {p('acknowledge')}
                        </Button>
                      )}
                      <Button
                        size="small"
                        onClick={() => {
                          const text = window.prompt(p('actionText'));
                          if (text) void reportAction(n.id, text);
                        }}
                      >
                        {p('reportAction')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </Card>
      ))}
      <Modal open={isOpen} title={p('sendNotice')} onCancel={() => setOpen(false)} onOk={() => void send()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ ackDueAt: dayjs().add(2, 'day').hour(18).minute(0) }}>
          <Form.Item name="title" label={p('noticeTitle')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={p('noticeBody')} rules={[{ required: true }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="unitCodes" label={p('noticeUnits')} rules={[{ required: true }]}>
            <UnitSelect multiple parent={streetCode} />
          </Form.Item>
          <Form.Item name="ackDueAt" label={p('ackDue')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function MeasuresTab({ streetCode }: { streetCode: string }) {
  const p = useProactiveStrings();
  const report = useReportError();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(90, 'day'), dayjs()]);
  const [m, setM] = useState<MeasuresView | null>(null);
  useEffect(() => {
    api
      .call(PROACTIVE_ENDPOINTS.measures, { params: { street: streetCode }, query: { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } })
      .then(setM)
      .catch(report);
  }, [streetCode, range, report]);
  if (!m) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
      <Space wrap size="large">
        <Statistic title={p('found')} value={m.totals.proactiveFound} />
        <Statistic title={p('solved')} value={m.totals.proactiveSolved} />
        <Statistic title={p('patrols')} value={m.totals.patrols} />
        <Statistic title={p('patrolCoverage')} value={pct(m.totals.patrolCoverage)} />
        <Statistic title={p('noticesOnTime')} value={pct(m.totals.noticeOnTimeShare)} />
        <Statistic title={p('callChange')} value={pct(m.totals.callChange)} />
      </Space>
      <Card size="small" title={p('zoneCoverage')}>
        <Space wrap>
          {m.zones.map((z) => (
            <Tag key={z.zoneId}>
              {z.name} {pct(z.patrolCoverage)}
            </Tag>
          ))}
        </Space>
      </Card>
      <Table
        rowKey="communityCode"
        size="small"
        dataSource={m.communities}
        columns={[
          { title: p('community'), dataIndex: 'communityName' },
          { title: p('found'), dataIndex: 'proactiveFound', sorter: (a, b) => a.proactiveFound - b.proactiveFound },
          { title: p('solved'), dataIndex: 'proactiveSolved' },
          { title: p('patrols'), dataIndex: 'patrols', sorter: (a, b) => a.patrols - b.patrols },
          { title: p('patrolCoverage'), render: (_: unknown, r) => pct(r.patrolCoverage) },
          { title: p('noticesOnTime'), render: (_: unknown, r) => `${r.noticesOnTime}/${r.noticesSent}` },
          { title: p('callsBefore'), dataIndex: 'callsBefore' },
          { title: p('callsAfter'), dataIndex: 'callsAfter' },
          { title: p('callChange'), render: (_: unknown, r) => pct(r.callChange) },
        ]}
      />
    </Space>
  );
}

export function ProactivePage() {
  const p = useProactiveStrings();
  const { streetCode, setStreetCode, isLoading } = useMyStreet();
  if (isLoading) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(streetCode === null || !/^\d{9}$/.test(streetCode)) && (
        <Card size="small">
          <Space>
            {p('street')}
            <div style={{ width: 280 }}>
              <UnitSelect unitClass="street" placeholder={p('pickStreet')} onChange={(v) => setStreetCode(typeof v === 'string' ? v : null)} />
            </div>
          </Space>
        </Card>
      )}
      {streetCode && (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'zones', label: p('tabZones'), children: <ZonesTab streetCode={streetCode} /> },
            { key: 'warnings', label: p('tabWarnings'), children: <WarningsTab streetCode={streetCode} /> },
            { key: 'notices', label: p('tabNotices'), children: <NoticesTab streetCode={streetCode} /> },
            { key: 'measures', label: p('tabMeasures'), children: <MeasuresTab streetCode={streetCode} /> },
          ]}
        />
      )}
    </Space>
  );
}
