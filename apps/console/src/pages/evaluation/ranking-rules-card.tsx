// 考核类别与名单规则: the ranking classes (which units rank together — district departments within
// their district — each class's minimum sample and official order), the special-governance rule,
// and the populations behind 千人诉求量 (download the template, fill in 常住人口, load it back).
// Every check is the server's (the core's setting definitions); this card only asks.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { type ResponseOf, SCORING_ENDPOINTS } from '@jiesu/contracts';
import { App, Button, Card, Col, Input, InputNumber, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { FieldProblemAlert, useFieldProblem } from '../../components/field-errors';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';

type Settings = ResponseOf<typeof SCORING_ENDPOINTS.settings>;
type RankingClass = Settings['rankingClasses'][number];
type Governance = Settings['governance'];
type Populations = ResponseOf<typeof SCORING_ENDPOINTS.populations>;

export function RankingRulesCard({ settings, canEdit, onSaved }: { settings: Settings; canEdit: boolean; onSaved: (s: Settings) => void }) {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const { message } = App.useApp();
  const [classes, setClasses] = useState<RankingClass[]>(settings.rankingClasses);
  const [governance, setGovernance] = useState<Governance>(settings.governance);
  const [populations, setPopulations] = useState<Populations | null>(null);
  const [source, setSource] = useState('');
  const [asOf, setAsOf] = useState(String(new Date().getFullYear() - 1));
  const problem = useFieldProblem();
  const report = useReportError();
  const loadPopulations = useCallback(() => {
    api.call(SCORING_ENDPOINTS.populations, {}).then(setPopulations, (e: unknown) => report(e));
  }, [report]);
  useEffect(loadPopulations, [loadPopulations]);

  const patchClass = (key: string, patch: Partial<RankingClass>) => setClasses((cs) => cs.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const saved = () => void message.success({ content: zh ? '已保存' : 'Saved', key: 'saved' });
  const saveClasses = async () => {
    problem.clear();
    try {
      onSaved(await api.call(SCORING_ENDPOINTS.putRankingClasses, { body: { classes } }));
      saved();
    } catch (e) {
      problem.take(e);
    }
  };
  const saveGovernance = async () => {
    problem.clear();
    try {
      onSaved(await api.call(SCORING_ENDPOINTS.putGovernance, { body: governance }));
      saved();
    } catch (e) {
      problem.take(e);
    }
  };
  const downloadTemplate = async () => {
    try {
      const tpl = await api.call(SCORING_ENDPOINTS.populationTemplate, {});
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([tpl.csv], { type: 'text/csv;charset=utf-8' }));
      a.download = tpl.fileName;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      report(e);
    }
  };
  const upload = async (file: File) => {
    problem.clear();
    try {
      setPopulations(await api.call(SCORING_ENDPOINTS.putPopulations, { body: { asOf, source: source.trim() || file.name, csv: await file.text() } }));
      saved();
    } catch (e) {
      problem.take(e);
    }
  };

  const ruleKind = governance.rule.kind;
  return (
    <Card title={zh ? '考核类别、名单规则与常住人口' : 'Ranking classes, published lists and populations'}>
      <FieldProblemAlert problem={problem.problem} onClose={problem.clear} />
      <Table<RankingClass>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={classes}
        data-testid="ranking-classes"
        columns={[
          { title: zh ? '类别' : 'Class', dataIndex: 'label' },
          {
            title: zh ? '单位' : 'Units',
            key: 'units',
            render: (_: unknown, c) => `${c.unitClass} · ${c.level}${c.rankWithin === 'district' ? (zh ? ' · 区内排名' : ' · within district') : ''}`,
          },
          {
            title: zh ? '最少有效回访' : 'Min. valid visits',
            dataIndex: 'minSampleSize',
            render: (v: number | null, c) => (
              <InputNumber
                min={1}
                max={10000}
                precision={0}
                value={v}
                placeholder={String(settings.policy.minSampleSize)}
                disabled={!canEdit}
                onChange={(n) => patchClass(c.key, { minSampleSize: n ?? null })}
              />
            ),
          },
          {
            title: zh ? '官方排序' : 'Official order',
            dataIndex: 'officialOrder',
            render: (v: RankingClass['officialOrder'], c) => (
              <Select
                value={v}
                disabled={!canEdit}
                style={{ width: 170 }}
                onChange={(o) => patchClass(c.key, { officialOrder: o })}
                options={[
                  { value: 'composite', label: zh ? '综合得分' : 'composite' },
                  { value: 'wilson', label: zh ? '小样本修正得分（威尔逊）' : 'Wilson lower bound' },
                ]}
              />
            ),
          },
        ]}
      />
      {canEdit && (
        <Button type="primary" style={{ marginTop: 8 }} onClick={() => void saveClasses()} data-testid="classes-save">
          {zh ? '保存考核类别' : 'Save classes'}
        </Button>
      )}
      <Row gutter={24} style={{ marginTop: 24 }}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{zh ? '治理类名单规则' : 'Special-governance rule'}</Typography.Title>
          <Space wrap>
            <Select
              value={ruleKind}
              disabled={!canEdit}
              style={{ width: 220 }}
              onChange={(k) => setGovernance({ ...governance, rule: k === 'bottom_composite' ? { kind: k, months: 3 } : { kind: k, count: 10 } })}
              options={[
                { value: 'bottom_composite', label: zh ? '连续 k 期列入后十名' : 'in the bottom list k periods running' },
                { value: 'highest_per_thousand', label: zh ? '千人诉求量最高的 k 个' : 'the k highest per 1,000' },
              ]}
            />
            <InputNumber
              min={1}
              max={governance.rule.kind === 'bottom_composite' ? 12 : 100}
              precision={0}
              disabled={!canEdit}
              value={governance.rule.kind === 'bottom_composite' ? governance.rule.months : governance.rule.count}
              onChange={(n) =>
                setGovernance({
                  ...governance,
                  rule: governance.rule.kind === 'bottom_composite' ? { kind: 'bottom_composite', months: n ?? 1 } : { kind: 'highest_per_thousand', count: n ?? 1 },
                })
              }
            />
            {canEdit && <Button onClick={() => void saveGovernance()}>{zh ? '保存规则' : 'Save rule'}</Button>}
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{zh ? '常住人口（千人诉求量）' : 'Populations (requests per 1,000)'}</Typography.Title>
          <Typography.Paragraph type="secondary" data-testid="populations-status">
            {populations && populations.units.length > 0
              ? zh
                ? `已导入 ${populations.units.length} 个单位 · ${populations.source}（${populations.asOf}）`
                : `${populations.units.length} units loaded · ${populations.source} (${populations.asOf})`
              : zh
                ? '尚未导入常住人口'
                : 'No populations loaded yet'}
          </Typography.Paragraph>
          {canEdit && (
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
                {zh ? '下载模板' : 'Template'}
              </Button>
              <Input style={{ width: 90 }} value={asOf} onChange={(e) => setAsOf(e.target.value)} aria-label={zh ? '年份' : 'year'} />
              <Input style={{ width: 200 }} value={source} onChange={(e) => setSource(e.target.value)} placeholder={zh ? '数据来源，如统计年鉴' : 'source'} />
              <Upload
                accept=".csv,text/csv"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{zh ? '导入填好的模板' : 'Load filled template'}</Button>
              </Upload>
            </Space>
          )}
        </Col>
      </Row>
    </Card>
  );
}
