// 智能建议规则: the urgency rules (keywords → urgency), routing rules (category × district →
// suggested lead) and the dispatch catalogue (派单目录, dispatch-catalogue-tab.tsx) behind the
// intake suggestions (GET/PUT /api/intake/urgency-rules, /routing-rules, /dispatch-catalogue). Administrators edit the table — add and remove rows — and save the whole list;
// the API's field error ("body.rules[3].pattern") marks that row's cell and turns to its page.
import { INTAKE_ENDPOINTS, type ResponseOf, type RoutingRuleSchema, type UrgencyRuleSchema } from '@jiesu/contracts';
import { CASE_URGENCIES, type CaseUrgency } from '@jiesu/core';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { Static } from 'typebox';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { FieldProblemAlert, fieldMatches, rowIndexOf, useFieldProblem } from '../../components/field-errors';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { UNIT_CLASS_LABELS, URGENCY_LABELS } from '../../i18n/labels';
import { useReference } from '../../reference';
import { DispatchCatalogueTab } from './dispatch-catalogue-tab';

type UrgencyRule = Static<typeof UrgencyRuleSchema>;
type RoutingRule = Static<typeof RoutingRuleSchema>;
/** A rule list as the API answers it (INTAKE_ENDPOINTS.urgencyRules, .routingRules), for either rule. */
type ListOf<R> = Omit<ResponseOf<typeof INTAKE_ENDPOINTS.urgencyRules>, 'rules'> & { rules: R[] };
/** Where one rule table loads and saves its whole list. */
interface RuleSource<R> {
  load(): Promise<ListOf<R>>;
  save(rules: R[]): Promise<ListOf<R>>;
}
const URGENCY_RULES: RuleSource<UrgencyRule> = {
  load: () => api.call(INTAKE_ENDPOINTS.urgencyRules, {}),
  save: (rules) => api.call(INTAKE_ENDPOINTS.putUrgencyRules, { body: { rules } }),
};
const ROUTING_RULES: RuleSource<RoutingRule> = {
  load: () => api.call(INTAKE_ENDPOINTS.routingRules, {}),
  save: (rules) => api.call(INTAKE_ENDPOINTS.putRoutingRules, { body: { rules } }),
};

const PAGE = 10;
const ROUTING_CLASSES = ['street', 'community', 'district', 'department', 'enterprise'] as const;
type RoutingClass = (typeof ROUTING_CLASSES)[number];

interface Row<R> {
  key: number;
  rule: R;
}
let nextKey = 1;
const wrap = <R,>(rules: R[]): Row<R>[] => rules.map((rule) => ({ key: nextKey++, rule }));

/** One editable list: load, edit rows, save the whole list, show the API's field error. */
function RuleTable<R extends { id: string; priority: number; note?: string; isActive?: boolean }>({
  source,
  blank,
  columns,
  testId,
}: {
  source: RuleSource<R>;
  blank: () => R;
  columns: (row: Row<R>, index: number, set: (r: R) => void, status: (field: string) => 'error' | undefined) => { title: string; width?: number; node: ReactNode }[];
  testId: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canEdit = hasRole('administrator');
  const [meta, setMeta] = useState<Omit<ListOf<R>, 'rules'> | null>(null);
  const [rows, setRows] = useState<Row<R>[]>([]);
  const [page, setPage] = useState(1);
  const [saving, setSaving] = useState(false);
  const { problem, take, clear } = useFieldProblem();
  const report = useReportError();
  const load = useCallback(() => {
    source
      .load()
      .then((r) => {
        setMeta({ source: r.source, updatedBy: r.updatedBy });
        setRows(wrap(r.rules));
      })
      .catch((e: unknown) => report(e, load));
  }, [source, report]);
  useEffect(load, [load]);

  const save = async () => {
    setSaving(true);
    clear();
    try {
      const r = await source.save(rows.map((x) => x.rule));
      setMeta({ source: r.source, updatedBy: r.updatedBy });
      setRows(wrap(r.rules));
      void message.success({ content: t('saved'), key: 'saved' });
    } catch (e) {
      const p = take(e);
      const i = rowIndexOf(p.field, 'rules');
      if (i !== null) setPage(Math.floor(i / PAGE) + 1);
    } finally {
      setSaving(false);
    }
  };
  const indexOf = (key: number) => rows.findIndex((x) => x.key === key);
  const statusFor = (index: number) => (field: string) => (problem && fieldMatches(problem.field, `body.rules[${index}]${field ? `.${field}` : ''}`) ? 'error' : undefined);
  const sample = rows[0];
  const cols = sample
    ? columns(
        sample,
        0,
        () => undefined,
        () => undefined,
      )
    : columns(
        { key: 0, rule: blank() },
        0,
        () => undefined,
        () => undefined,
      );

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color={meta?.source === 'administrator' ? 'blue' : 'default'}>{meta?.source === 'administrator' ? t('ruleSourceAdmin') : t('ruleSourceDefault')}</Tag>
        {meta?.updatedBy && (
          <Typography.Text type="secondary">
            {t('updatedBy')}: {meta.updatedBy}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{rows.length} ·</Typography.Text>
        {canEdit && (
          <>
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                setRows([...rows, { key: nextKey++, rule: blank() }]);
                setPage(Math.floor(rows.length / PAGE) + 1);
              }}
            >
              {t('addRow')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid={`${testId}-save`}>
              {t('saveList')}
            </Button>
          </>
        )}
        {!canEdit && <Typography.Text type="secondary">{t('adminOnlyHint')}</Typography.Text>}
      </Space>
      <FieldProblemAlert problem={problem} onClose={clear} />
      <Table<Row<R>>
        rowKey="key"
        size="small"
        dataSource={rows}
        data-testid={testId}
        pagination={{ pageSize: PAGE, current: page, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '#', key: 'n', width: 48, render: (_: unknown, row) => indexOf(row.key) + 1 },
          ...cols.map((c, ci) => ({
            title: c.title,
            key: String(ci),
            ...(c.width ? { width: c.width } : {}),
            render: (_: unknown, row: Row<R>) => {
              const i = indexOf(row.key);
              const set = (r: R) => setRows((all) => all.map((x) => (x.key === row.key ? { key: x.key, rule: r } : x)));
              return columns(row, i, set, statusFor(i))[ci]?.node;
            },
          })),
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'rm',
                  width: 48,
                  render: (_: unknown, row: Row<R>) => (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => setRows(rows.filter((x) => x.key !== row.key))} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

export function IntakeRulesPage() {
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const ref = useReference();
  const ro = !hasRole('administrator');
  const common = <R extends { id: string; priority: number; note?: string; isActive?: boolean }>(rule: R, set: (r: R) => void, status: (f: string) => 'error' | undefined) => ({
    id: { title: t('ruleId'), width: 150, node: <Input size="small" value={rule.id} disabled={ro} status={status('id')} onChange={(e) => set({ ...rule, id: e.target.value })} /> },
    priority: {
      title: t('priority'),
      width: 90,
      node: <InputNumber size="small" value={rule.priority} disabled={ro} status={status('priority')} onChange={(v) => set({ ...rule, priority: v ?? 0 })} style={{ width: 76 }} />,
    },
    note: { title: t('note'), node: <Input size="small" value={rule.note ?? ''} disabled={ro} status={status('note')} onChange={(e) => set({ ...rule, note: e.target.value })} /> },
    active: { title: t('active'), width: 70, node: <Switch size="small" checked={rule.isActive !== false} disabled={ro} onChange={(v) => set({ ...rule, isActive: v })} /> },
  });

  return (
    <Card title={t('menuIntakeRules')}>
      <Tabs
        items={[
          {
            key: 'urgency',
            label: t('urgencyRules'),
            children: (
              <RuleTable<UrgencyRule>
                source={URGENCY_RULES}
                testId="urgency-rules"
                blank={() => ({ id: `rule-${Date.now() % 100000}`, pattern: '', urgency: 'general', priority: 50, isActive: true })}
                columns={({ rule }, _i, set, status) => {
                  const c = common(rule, set, status);
                  return [
                    c.id,
                    {
                      title: t('pattern'),
                      node: (
                        <Input.TextArea
                          size="small"
                          autoSize={{ minRows: 1, maxRows: 3 }}
                          value={typeof rule.pattern === 'string' ? rule.pattern : rule.pattern.join('|')}
                          disabled={ro}
                          status={status('pattern')}
                          onChange={(e) => set({ ...rule, pattern: e.target.value })}
                        />
                      ),
                    },
                    {
                      title: t('urgency'),
                      width: 120,
                      node: (
                        <Select
                          size="small"
                          value={rule.urgency}
                          disabled={ro}
                          status={status('urgency')}
                          style={{ width: 108 }}
                          onChange={(u: CaseUrgency) => set({ ...rule, urgency: u })}
                          options={CASE_URGENCIES.map((u) => ({ value: u, label: pick(URGENCY_LABELS[u]) }))}
                        />
                      ),
                    },
                    c.priority,
                    { ...c.note, width: 240 },
                    c.active,
                  ];
                }}
              />
            ),
          },
          {
            key: 'routing',
            label: t('routingRules'),
            children: (
              <RuleTable<RoutingRule>
                source={ROUTING_RULES}
                testId="routing-rules"
                blank={() => ({
                  id: `route-${Date.now() % 100000}`,
                  categoryPrefix: '',
                  districtCode: null,
                  target: { kind: 'unit_class', unitClass: 'street' },
                  priority: 50,
                  isActive: true,
                })}
                columns={({ rule }, _i, set, status) => {
                  const c = common(rule, set, status);
                  const target = rule.target;
                  return [
                    c.id,
                    {
                      title: t('categoryPrefix'),
                      width: 190,
                      node: (
                        <Space orientation="vertical" size={0}>
                          <Input
                            size="small"
                            value={rule.categoryPrefix}
                            disabled={ro}
                            status={status('categoryPrefix')}
                            onChange={(e) => set({ ...rule, categoryPrefix: e.target.value.trim() })}
                            style={{ width: 110 }}
                          />
                          {rule.categoryPrefix && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {ref.categoryName(rule.categoryPrefix)}
                            </Typography.Text>
                          )}
                        </Space>
                      ),
                    },
                    {
                      title: t('districtCode'),
                      width: 120,
                      node: (
                        <Input
                          size="small"
                          placeholder={t('anyDistrict')}
                          value={rule.districtCode ?? ''}
                          disabled={ro}
                          status={status('districtCode')}
                          onChange={(e) => set({ ...rule, districtCode: e.target.value.trim() || null })}
                        />
                      ),
                    },
                    {
                      title: t('target'),
                      width: 330,
                      node: (
                        <Space.Compact>
                          <Select
                            size="small"
                            value={target.kind}
                            disabled={ro}
                            style={{ width: 110 }}
                            onChange={(k: 'unit_class' | 'unit') =>
                              set({ ...rule, target: k === 'unit' ? { kind: 'unit', unitCode: '' } : { kind: 'unit_class', unitClass: 'street' } })
                            }
                            options={[
                              { value: 'unit_class', label: t('targetUnitClass') },
                              { value: 'unit', label: t('targetUnit') },
                            ]}
                          />
                          {target.kind === 'unit_class' ? (
                            <>
                              <Select
                                size="small"
                                value={target.unitClass}
                                disabled={ro}
                                status={status('target')}
                                style={{ width: 110 }}
                                onChange={(u: RoutingClass) => set({ ...rule, target: { ...target, unitClass: u } })}
                                options={ROUTING_CLASSES.map((u) => ({ value: u, label: pick(UNIT_CLASS_LABELS[u]) }))}
                              />
                              {target.unitClass === 'department' && (
                                <Input
                                  size="small"
                                  placeholder={t('departmentKind')}
                                  value={target.departmentKind ?? ''}
                                  disabled={ro}
                                  style={{ width: 100 }}
                                  onChange={(e) =>
                                    set({ ...rule, target: { kind: 'unit_class', unitClass: target.unitClass, ...(e.target.value ? { departmentKind: e.target.value } : {}) } })
                                  }
                                />
                              )}
                            </>
                          ) : (
                            <Input
                              size="small"
                              value={target.unitCode}
                              disabled={ro}
                              status={status('target')}
                              style={{ width: 200 }}
                              onChange={(e) => set({ ...rule, target: { kind: 'unit', unitCode: e.target.value.trim() } })}
                            />
                          )}
                        </Space.Compact>
                      ),
                    },
                    c.priority,
                    c.note,
                    c.active,
                  ];
                }}
              />
            ),
          },
          { key: 'catalogue', label: t('dispatchCatalogue'), children: <DispatchCatalogueTab /> },
        ]}
      />
    </Card>
  );
}
