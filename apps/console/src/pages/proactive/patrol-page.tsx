// 巡查、走访 on a phone (390 px first): pick the community, say what was seen, take a photo with
// the camera, optionally record the location, save; then turn the finding into a proactive case.
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { PROACTIVE_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { App, Button, Card, Form, Input, List, Radio, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Attachment, CategoryNode } from '../../api/types';
import { useReportError } from '../../components/use-report-error';
import { useProactiveStrings } from '../../i18n/proactive-strings';
import { useReference } from '../../reference';
import { type PatrolView, useMyStreet, type ZonesView } from './use-street';

type CaseCreated = ResponseOf<typeof PROACTIVE_ENDPOINTS.findingCase>;

function categoryTree(nodes: CategoryNode[]): Array<{ value: string; title: string; selectable: boolean; children?: ReturnType<typeof categoryTree> }> {
  return nodes
    .filter((n) => n.isActive)
    .map((n) => ({ value: n.code, title: n.name, selectable: !n.children?.length, ...(n.children?.length ? { children: categoryTree(n.children) } : {}) }));
}

export function PatrolPage() {
  const p = useProactiveStrings();
  const report = useReportError();
  const { message } = App.useApp();
  const ref = useReference();
  const { streetCode } = useMyStreet();
  const [zones, setZones] = useState<ZonesView | null>(null);
  const [patrols, setPatrols] = useState<PatrolView[]>([]);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const [saved, setSaved] = useState<PatrolView | null>(null);
  const [created, setCreated] = useState<CaseCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ communityCode: string; kind: 'patrol' | 'home_visit'; observations: string }>();
  const [caseForm] = Form.useForm<{ categoryCode: string; subject: string }>();

  const reload = useCallback(() => {
    if (!streetCode) return;
    api
      .call(PROACTIVE_ENDPOINTS.patrols, { params: { street: streetCode }, query: { limit: 10 } })
      .then(setPatrols)
      .catch(report);
  }, [streetCode, report]);
  useEffect(() => {
    if (!streetCode) return;
    api
      .call(PROACTIVE_ENDPOINTS.zones, { params: { street: streetCode } })
      .then((z) => {
        setZones(z);
        if (z.communities.length === 1) form.setFieldValue('communityCode', z.communities[0]!.code);
      })
      .catch(report);
    reload();
  }, [streetCode, report, reload, form]);

  const onPhoto = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    api
      .upload<Attachment>('/api/attachments', file, file.name || 'photo.jpg', { kind: 'photo' })
      .then((a) => setPhotoIds((ids) => [...ids, a.id]))
      .catch(report);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (pos) => setPoint({ lng: Math.round(pos.coords.longitude * 1e6) / 1e6, lat: Math.round(pos.coords.latitude * 1e6) / 1e6 }),
      () => undefined,
      { timeout: 8000 },
    );
  };

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const rec = await api.call(
        PROACTIVE_ENDPOINTS.recordPatrol,
        { params: { street: streetCode ?? '' }, body: { communityCode: v.communityCode, kind: v.kind, observations: v.observations, attachmentIds: photoIds, point } },
        { 'idempotency-key': `patrol-${crypto.randomUUID()}` },
      );
      setSaved(rec);
      setCreated(null);
      caseForm.setFieldValue('subject', v.observations.slice(0, 60));
      message.success(p('saved'));
      reload();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const toCase = async () => {
    if (!saved) return;
    const v = await caseForm.validateFields();
    setBusy(true);
    try {
      const c = await api.call(PROACTIVE_ENDPOINTS.findingCase, { params: { id: saved.id }, body: v }, { 'idempotency-key': `finding-${saved.id}-${v.categoryCode}` });
      setCreated(c);
      message.success(p('caseCreated'));
      reload();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const communityName = (code: string) => zones?.communities.find((c) => c.code === code)?.name ?? code;

  return (
    <div className="jiesu-patrol" style={{ maxWidth: 560, margin: '0 auto' }}>
      <Card size="small" title={p('patrolTitle')}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'patrol' }} requiredMark={false}>
          <Form.Item name="communityCode" label={p('community')} rules={[{ required: true }]}>
            <Select data-testid="patrol-community" showSearch optionFilterProp="label" options={(zones?.communities ?? []).map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
          <Form.Item name="kind" label={p('patrolKind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'patrol', label: p('kindPatrol') },
                { value: 'home_visit', label: p('kindHomeVisit') },
              ]}
            />
          </Form.Item>
          <Form.Item name="observations" label={p('seen')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea data-testid="patrol-observations" rows={3} placeholder={p('seenPlaceholder')} maxLength={4000} />
          </Form.Item>
          <Space wrap style={{ marginBottom: 12 }}>
            <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, cursor: 'pointer' }}>
              <CameraOutlined />
              {p('takePhoto')}
              <input data-testid="patrol-photo" type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={(e) => onPhoto(e.target.files)} />
            </label>
            <Button icon={<EnvironmentOutlined />} onClick={locate}>
              {point ? `${p('located')} ${point.lat.toFixed(4)}, ${point.lng.toFixed(4)}` : p('useLocation')}
            </Button>
          </Space>
          {photoIds.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <Tag color="green" data-testid="patrol-photo-count">
                {p('photos')} × {photoIds.length}
              </Tag>
            </div>
          )}
          <Button type="primary" block size="large" loading={busy} onClick={() => void save()} data-testid="patrol-save">
            {p('savePatrol')}
          </Button>
        </Form>
      </Card>

      {saved && (
        <Card size="small" style={{ marginTop: 12 }} title={p('toCase')} data-testid="patrol-saved">
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {communityName(saved.communityCode)} · {saved.observations}
          </Typography.Paragraph>
          {created ? (
            <Typography.Text data-testid="patrol-case">
              {p('caseCreated')}：<Link to={`/cases/${created.id}`}>{created.caseNumber}</Link>
            </Typography.Text>
          ) : (
            <Form form={caseForm} layout="vertical" requiredMark={false}>
              <Form.Item name="categoryCode" label={p('category')} rules={[{ required: true }]}>
                <TreeSelect data-testid="patrol-category" showSearch treeNodeFilterProp="title" treeData={categoryTree(ref.categories)} popupMatchSelectWidth />
              </Form.Item>
              <Form.Item name="subject" label={p('caseSubject')} rules={[{ required: true, whitespace: true }]}>
                <Input data-testid="patrol-subject" maxLength={200} />
              </Form.Item>
              <Button type="primary" danger block size="large" loading={busy} onClick={() => void toCase()} data-testid="patrol-to-case">
                {p('toCase')}
              </Button>
            </Form>
          )}
        </Card>
      )}

      <Card size="small" style={{ marginTop: 12 }} title={p('recent')}>
        <List
          size="small"
          locale={{ emptyText: p('noPatrols') }}
          dataSource={patrols}
          renderItem={(r) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <Tag>{r.kind === 'patrol' ? p('kindPatrol') : p('kindHomeVisit')}</Tag>
                  <Typography.Text strong>{communityName(r.communityCode)}</Typography.Text>
                  <Typography.Text type="secondary">{new Date(r.patrolledAt).toLocaleString()}</Typography.Text>
                  {r.caseIds.length > 0 && <Tag color="red">{p('toCase')} ✓</Tag>}
                </Space>
                <div>{r.observations}</div>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
