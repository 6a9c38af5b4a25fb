// 考核权重: the weight versions (valid from a date, for one unit class or all) and the scoring
// policy (GET /api/scoring/settings). Administrators add or remove a version — the whole list is
// saved (PUT …/weights) and the three weights must sum to 1, shown live — and change the policy
// (PATCH …/policy). Evaluators and other ranking readers see them read-only.
import { type ResponseOf, SCORING_ENDPOINTS } from '@jiesu/contracts';
import { SCORED_UNIT_CLASSES } from '@jiesu/core';
import { App, Button, Card, Col, DatePicker, Form, InputNumber, Popconfirm, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { FieldProblemAlert, useFieldProblem } from '../../components/field-errors';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { UNIT_CLASS_LABELS } from '../../i18n/labels';
import { RankingRulesCard } from './ranking-rules-card';

type Settings = ResponseOf<typeof SCORING_ENDPOINTS.settings>;
type WeightVersion = Settings['weights'][number];
type Policy = Settings['policy'];
type ScoredClass = (typeof SCORED_UNIT_CLASSES)[number];

const TOLERANCE = 1e-6;
const sumOf = (v: Pick<WeightVersion, 'response' | 'resolution' | 'satisfaction'>) => v.response + v.resolution + v.satisfaction;
const round = (n: number) => Math.round(n * 10000) / 10000;

interface NewVersion {
  validFrom: Dayjs | null;
  unitClass: ScoredClass | 'all';
  response: number;
  resolution: number;
  satisfaction: number;
  basicallySatisfiedFactor: number;
}

export function ScoringSettingsPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canEdit = hasRole('administrator');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<NewVersion>({ validFrom: null, unitClass: 'all', response: 0.2, resolution: 0.4, satisfaction: 0.4, basicallySatisfiedFactor: 0.8 });
  const [busy, setBusy] = useState(false);
  const weightsProblem = useFieldProblem();
  const policyProblem = useFieldProblem();
  const [policyForm] = Form.useForm<Policy>();
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(SCORING_ENDPOINTS.settings, {})
      .then((s) => {
        setSettings(s);
        policyForm.setFieldsValue(s.policy);
      })
      .catch((e: unknown) => report(e, load));
  }, [report, policyForm]);
  useEffect(load, [load]);

  if (!settings) return <Spin style={{ display: 'block', margin: 80 }} />;

  const saveWeights = async (versions: WeightVersion[]) => {
    setBusy(true);
    weightsProblem.clear();
    try {
      const s = await api.call(SCORING_ENDPOINTS.putWeights, { body: { versions } });
      setSettings(s);
      void message.success({ content: t('saved'), key: 'saved' });
      return true;
    } catch (e) {
      weightsProblem.take(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const addVersion = async () => {
    if (!draft.validFrom) return;
    const v: WeightVersion = {
      validFrom: draft.validFrom.format('YYYY-MM-DD'),
      ...(draft.unitClass === 'all' ? {} : { unitClass: draft.unitClass }),
      response: draft.response,
      resolution: draft.resolution,
      satisfaction: draft.satisfaction,
      basicallySatisfiedFactor: draft.basicallySatisfiedFactor,
    };
    if (await saveWeights([...settings.weights, v])) setDraft({ ...draft, validFrom: null });
  };
  const savePolicy = async () => {
    policyProblem.clear();
    try {
      const values = await policyForm.validateFields();
      const s = await api.call(SCORING_ENDPOINTS.patchPolicy, { body: values });
      setSettings(s);
      policyForm.setFieldsValue(s.policy);
      void message.success({ content: t('saved'), key: 'saved' });
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return; // the form marks its own fields
      policyProblem.take(e);
    }
  };

  const draftSum = round(sumOf(draft));
  const draftSumOk = Math.abs(draftSum - 1) <= TOLERANCE;
  const versions = [...settings.weights].sort((a, b) =>
    a.validFrom === b.validFrom ? (a.unitClass ?? '').localeCompare(b.unitClass ?? '') : b.validFrom.localeCompare(a.validFrom),
  );
  const weightInput = (key: 'response' | 'resolution' | 'satisfaction' | 'basicallySatisfiedFactor', label: string) => (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <InputNumber id={`weight-${key}`} min={0} max={1} step={0.05} value={draft[key]} onChange={(v) => setDraft({ ...draft, [key]: v ?? 0 })} style={{ width: 110 }} />
    </Form.Item>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card title={t('weightVersions')} extra={!canEdit && <Typography.Text type="secondary">{t('adminOnlyHint')}</Typography.Text>}>
          <FieldProblemAlert problem={weightsProblem.problem} onClose={weightsProblem.clear} />
          <Table<WeightVersion>
            rowKey={(v) => `${v.validFrom}|${v.unitClass ?? '*'}`}
            size="small"
            pagination={false}
            dataSource={versions}
            data-testid="weight-versions"
            columns={[
              { title: t('validFrom'), dataIndex: 'validFrom', width: 120 },
              { title: t('unitClass'), dataIndex: 'unitClass', render: (c: ScoredClass | undefined) => (c ? pick(UNIT_CLASS_LABELS[c]) : <Tag>{t('allClasses')}</Tag>) },
              { title: t('responseRate'), dataIndex: 'response', width: 90 },
              { title: t('resolutionRate'), dataIndex: 'resolution', width: 90 },
              { title: t('satisfactionRate'), dataIndex: 'satisfaction', width: 90 },
              { title: t('basicallySatisfiedFactor'), dataIndex: 'basicallySatisfiedFactor', width: 120 },
              { title: t('weightSum'), key: 'sum', width: 90, render: (_: unknown, v) => round(sumOf(v)) },
              ...(canEdit
                ? [
                    {
                      title: t('actions'),
                      key: 'a',
                      width: 80,
                      render: (_: unknown, v: WeightVersion) => (
                        <Popconfirm
                          title={`${t('remove')}?`}
                          okText={t('confirm')}
                          cancelText={t('cancel')}
                          disabled={settings.weights.length <= 1}
                          onConfirm={() => void saveWeights(settings.weights.filter((w) => w !== v))}
                        >
                          <Button size="small" danger disabled={settings.weights.length <= 1}>
                            {t('remove')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {canEdit && (
            <Card type="inner" size="small" title={t('addVersion')} style={{ marginTop: 16 }} data-testid="add-weight-version">
              <Form layout="vertical">
                <Space wrap align="end" size={[12, 12]}>
                  <Form.Item label={t('validFrom')} style={{ marginBottom: 0 }}>
                    <DatePicker id="weight-valid-from" value={draft.validFrom} onChange={(d: Dayjs | null) => setDraft({ ...draft, validFrom: d })} format="YYYY-MM-DD" />
                  </Form.Item>
                  <Form.Item label={t('unitClass')} style={{ marginBottom: 0 }}>
                    <Select
                      style={{ width: 150 }}
                      value={draft.unitClass}
                      onChange={(c: ScoredClass | 'all') => setDraft({ ...draft, unitClass: c })}
                      options={[{ value: 'all', label: t('allClasses') }, ...SCORED_UNIT_CLASSES.map((c) => ({ value: c, label: pick(UNIT_CLASS_LABELS[c]) }))]}
                    />
                  </Form.Item>
                  {weightInput('response', t('responseRate'))}
                  {weightInput('resolution', t('resolutionRate'))}
                  {weightInput('satisfaction', t('satisfactionRate'))}
                  {weightInput('basicallySatisfiedFactor', t('basicallySatisfiedFactor'))}
                  <Form.Item label={t('weightSum')} style={{ marginBottom: 0 }}>
                    <Tag color={draftSumOk ? 'green' : 'red'} style={{ fontSize: 14, padding: '4px 10px' }} data-testid="weight-sum">
                      {draftSum}
                    </Tag>
                  </Form.Item>
                  <Button type="primary" loading={busy} disabled={!draftSumOk || !draft.validFrom} onClick={() => void addVersion()} data-testid="weight-add">
                    {t('addVersion')}
                  </Button>
                </Space>
                {!draftSumOk && (
                  <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
                    {t('sumMustBeOne')}
                  </Typography.Text>
                )}
              </Form>
            </Card>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          title={t('scoringPolicy')}
          extra={
            canEdit && (
              <Button type="primary" onClick={() => void savePolicy()} data-testid="policy-save">
                {t('save')}
              </Button>
            )
          }
        >
          <FieldProblemAlert problem={policyProblem.problem} onClose={policyProblem.clear} />
          <Form form={policyForm} layout="vertical" disabled={!canEdit}>
            <Form.Item name="periodStartDay" label={t('periodStartDay')} rules={[{ required: true, type: 'integer', min: 1, max: 28 }]}>
              <InputNumber min={1} max={28} precision={0} />
            </Form.Item>
            <Form.Item name="maxVisitAttempts" label={t('maxVisitAttempts')} rules={[{ required: true, type: 'integer', min: 1, max: 10 }]}>
              <InputNumber min={1} max={10} precision={0} />
            </Form.Item>
            <Form.Item name="publishCount" label={t('publishCount')} rules={[{ required: true, type: 'integer', min: 1, max: 100 }]}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
            <Form.Item name="minSampleSize" label={t('minSampleSize')} rules={[{ required: true, type: 'integer', min: 1, max: 10000 }]}>
              <InputNumber min={1} max={10000} precision={0} />
            </Form.Item>
            <Form.Item
              name="appealWindowDays"
              label={lang === 'zh' ? '申诉时限（回访后天数）' : 'Appeal window (days after the visit)'}
              rules={[{ required: true, type: 'integer', min: 0, max: 60 }]}
            >
              <InputNumber min={0} max={60} precision={0} />
            </Form.Item>
            <Form.Item name="mergedChildren" label={lang === 'zh' ? '并案工单回访' : 'Merged children (并案)'}>
              <Select
                options={[
                  { value: 'main_case_visit', label: lang === 'zh' ? '不单独回访，随主件计分一次' : 'no visit; scored once with the main case' },
                  { value: 'cluster_visit', label: lang === 'zh' ? '逐一回访，计入主办单位' : 'each visited, scored on the cluster lead' },
                ]}
              />
            </Form.Item>
            <Form.Item name="improvedCount" label={lang === 'zh' ? '进步较快名单人数' : 'Most-improved list size'} rules={[{ required: true, type: 'integer', min: 0, max: 100 }]}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
            <Form.Item name="improvedBy" label={lang === 'zh' ? '进步较快依据' : 'Most improved by'}>
              <Select
                options={[
                  { value: 'rank_change', label: lang === 'zh' ? '名次上升位数' : 'places gained' },
                  { value: 'composite_delta', label: lang === 'zh' ? '综合得分提高幅度' : 'composite gained' },
                ]}
              />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">
            {dayjs().format('YYYY-MM-DD')} · {settings.timeZone}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={24}>
        <RankingRulesCard settings={settings} canEdit={canEdit} onSaved={setSettings} />
      </Col>
    </Row>
  );
}
