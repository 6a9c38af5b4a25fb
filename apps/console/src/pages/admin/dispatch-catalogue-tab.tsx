// 派单目录: the dispatch catalogue behind category and lead suggestions (GET/PUT
// /api/intake/dispatch-catalogue). One row per kind of call: its phrases, the category leaf (by
// names, 一级/二级/三级 — the code it resolves to is shown), who leads and who co-handles.
// Targets are written 'street', 'district', 'community', 'department:<kind>' or
// 'enterprise:<kind>'. Administrators edit rows and save the whole list; the API's field error
// ("body.entries[4].categoryPath") marks that row and turns to its page. Saved lists are audited.
import { type DispatchEntrySchema, INTAKE_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Static } from 'typebox';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { FieldProblemAlert, fieldMatches, rowIndexOf, useFieldProblem } from '../../components/field-errors';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';

type Entry = Static<typeof DispatchEntrySchema>;
type View = ResponseOf<typeof INTAKE_ENDPOINTS.dispatchCatalogue>;
type Target = Entry['lead'];

const PAGE = 10;

/** 'department:市场监管' ⇄ a routing target; null when the text is not a target. */
export function parseTarget(text: string): Target | null {
  const [cls, kind] = text
    .trim()
    .split(/[:：]/)
    .map((s) => s.trim());
  if (cls === 'street' || cls === 'district' || cls === 'community') return { kind: 'unit_class', unitClass: cls };
  if ((cls === 'department' || cls === 'enterprise') && kind) return { kind: 'unit_class', unitClass: cls, departmentKind: kind };
  if (cls === 'unit' && kind) return { kind: 'unit', unitCode: kind };
  return null;
}

export function targetText(t: Target): string {
  if (t.kind === 'unit') return `unit:${t.unitCode}`;
  return t.departmentKind ? `${t.unitClass}:${t.departmentKind}` : t.unitClass;
}

interface Row {
  key: number;
  entry: Entry;
  code: string | null;
  /** Target texts as typed, kept until they parse. */
  leadText: string;
  coText: string;
}
let nextKey = 1;
const toRow = (e: Entry & { categoryCode?: string | null }): Row => {
  const { categoryCode, ...entry } = e;
  return { key: nextKey++, entry, code: categoryCode ?? null, leadText: targetText(entry.lead), coText: (entry.coHandlers ?? []).map(targetText).join(', ') };
};

export function DispatchCatalogueTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const ro = !hasRole('administrator');
  const [meta, setMeta] = useState<Omit<View, 'entries'> | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState('');
  const [saving, setSaving] = useState(false);
  const { problem, take, clear } = useFieldProblem();
  const load = useCallback(() => {
    api
      .call(INTAKE_ENDPOINTS.dispatchCatalogue, {})
      .then((v) => {
        setMeta({ source: v.source, updatedBy: v.updatedBy });
        setRows(v.entries.map(toRow));
      })
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const report = useReportError(load);
  useEffect(load, [load]);

  const shown = useMemo(() => {
    const f = filter.trim();
    return f ? rows.filter((r) => [r.entry.id, ...r.entry.categoryPath, ...r.entry.keywords].some((s) => s.includes(f))) : rows;
  }, [rows, filter]);
  const indexOf = (key: number) => rows.findIndex((x) => x.key === key);
  const status = (key: number, field: string) => (problem && fieldMatches(problem.field, `body.entries[${indexOf(key)}].${field}`) ? 'error' : undefined);
  const set = (key: number, patch: Partial<Row>) => setRows((all) => all.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const setEntry = (row: Row, patch: Partial<Entry>) => set(row.key, { entry: { ...row.entry, ...patch } });

  const save = async () => {
    setSaving(true);
    clear();
    try {
      const entries = rows.map((r) => {
        const lead = parseTarget(r.leadText) ?? r.entry.lead;
        const co = r.coText
          .split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map(parseTarget)
          .filter((x): x is Target => x !== null);
        const { coHandlers: _old, ...rest } = r.entry;
        return { ...rest, lead, ...(co.length ? { coHandlers: co } : {}) };
      });
      const v = await api.call(INTAKE_ENDPOINTS.putDispatchCatalogue, { body: { entries } });
      setMeta({ source: v.source, updatedBy: v.updatedBy });
      setRows(v.entries.map(toRow));
      void message.success({ content: t('saved'), key: 'saved' });
    } catch (e) {
      const p = take(e);
      const i = rowIndexOf(p.field, 'entries');
      if (i !== null) {
        setFilter('');
        setPage(Math.floor(i / PAGE) + 1);
      }
    } finally {
      setSaving(false);
    }
  };

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
        <span data-testid="catalogue-filter">
          <Input.Search
            allowClear
            placeholder={t('catalogueSearch')}
            style={{ width: 240 }}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setPage(1);
            }}
          />
        </span>
        {!ro && (
          <>
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                setRows([
                  ...rows,
                  toRow({ id: `entry-${Date.now() % 100000}`, categoryPath: [], keywords: [], lead: { kind: 'unit_class', unitClass: 'street' }, isActive: true }),
                ]);
                setFilter('');
                setPage(Math.floor(rows.length / PAGE) + 1);
              }}
            >
              {t('addRow')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="catalogue-save">
              {t('saveList')}
            </Button>
          </>
        )}
        {ro && <Typography.Text type="secondary">{t('adminOnlyHint')}</Typography.Text>}
      </Space>
      <FieldProblemAlert problem={problem} onClose={clear} />
      <Table<Row>
        rowKey="key"
        size="small"
        dataSource={shown}
        data-testid="dispatch-catalogue"
        pagination={{ pageSize: PAGE, current: page, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '#', key: 'n', width: 48, render: (_: unknown, r) => indexOf(r.key) + 1 },
          {
            title: t('catalogueEntry'),
            key: 'id',
            width: 150,
            render: (_: unknown, r) => <Input size="small" value={r.entry.id} disabled={ro} status={status(r.key, 'id')} onChange={(e) => setEntry(r, { id: e.target.value })} />,
          },
          {
            title: t('catalogueCategory'),
            key: 'path',
            width: 220,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <Input
                  size="small"
                  value={r.entry.categoryPath.join('/')}
                  disabled={ro}
                  status={status(r.key, 'categoryPath')}
                  onChange={(e) =>
                    setEntry(r, {
                      categoryPath: e.target.value
                        .split('/')
                        .map((s) => s.trim())
                        .filter(Boolean),
                    })
                  }
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.code ?? '—'}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('catalogueKeywords'),
            key: 'kw',
            render: (_: unknown, r) => (
              <Input.TextArea
                size="small"
                autoSize={{ minRows: 1, maxRows: 3 }}
                value={r.entry.keywords.join('|')}
                disabled={ro}
                status={status(r.key, 'keywords')}
                onChange={(e) => setEntry(r, { keywords: e.target.value.split('|').filter((s) => s.trim() !== '') })}
              />
            ),
          },
          {
            title: t('catalogueExcludes'),
            key: 'ex',
            width: 140,
            render: (_: unknown, r) => (
              <Input
                size="small"
                value={(r.entry.excludes ?? []).join('|')}
                disabled={ro}
                status={status(r.key, 'excludes')}
                onChange={(e) => {
                  const ex = e.target.value.split('|').filter((s) => s.trim() !== '');
                  const { excludes: _x, ...rest } = r.entry;
                  set(r.key, { entry: ex.length ? { ...rest, excludes: ex } : rest });
                }}
              />
            ),
          },
          {
            title: t('catalogueLead'),
            key: 'lead',
            width: 170,
            render: (_: unknown, r) => (
              <Input
                size="small"
                value={r.leadText}
                disabled={ro}
                status={status(r.key, 'lead') ?? (parseTarget(r.leadText) ? undefined : 'error')}
                onChange={(e) => set(r.key, { leadText: e.target.value })}
              />
            ),
          },
          {
            title: t('catalogueCoHandlers'),
            key: 'co',
            width: 200,
            render: (_: unknown, r) => (
              <Input size="small" value={r.coText} disabled={ro} status={status(r.key, 'coHandlers')} onChange={(e) => set(r.key, { coText: e.target.value })} />
            ),
          },
          {
            title: t('active'),
            key: 'on',
            width: 64,
            render: (_: unknown, r) => <Switch size="small" checked={r.entry.isActive !== false} disabled={ro} onChange={(v) => setEntry(r, { isActive: v })} />,
          },
          ...(!ro
            ? [
                {
                  title: '',
                  key: 'rm',
                  width: 48,
                  render: (_: unknown, r: Row) => (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => setRows(rows.filter((x) => x.key !== r.key))} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
