// The monthly score sheet (成绩单): the rankings the actor may see as rows, as JSON, CSV (UTF-8
// with a BOM so Excel reads the Chinese headers) or an Excel workbook (one sheet per unit class).
import type { Actor, ScoredUnitClass } from '@jiesu/core';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context';
import type { PeriodRankings, RankingRow } from './compute-rankings';
import { loadRankings, scopeRankings } from './get-rankings';
import { requireRankingReader } from './scoring-config';

export interface ScoreSheetRow {
  unitClass: string;
  rank: number | null;
  unitCode: string;
  unitName: string;
  /** Composite × 100, two decimals. */
  compositePoints: number | null;
  /** Rates in percent, two decimals. */
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  sampleSize: number;
  invalidVisits: number;
  exemptions: number;
  wilsonRank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  list: 'top' | 'bottom' | 'top+bottom' | '';
}

export interface ScoreSheet {
  periodKey: string;
  source: 'live' | 'published';
  version: number | null;
  rows: ScoreSheetRow[];
}

export const SCORE_SHEET_COLUMNS: Array<{ key: keyof ScoreSheetRow; header: string; width: number }> = [
  { key: 'unitClass', header: '类别', width: 12 },
  { key: 'rank', header: '排名', width: 8 },
  { key: 'unitCode', header: '单位编码', width: 16 },
  { key: 'unitName', header: '单位名称', width: 24 },
  { key: 'compositePoints', header: '综合得分', width: 10 },
  { key: 'responseRate', header: '响应率(%)', width: 10 },
  { key: 'resolutionRate', header: '解决率(%)', width: 10 },
  { key: 'satisfactionRate', header: '满意率(%)', width: 10 },
  { key: 'sampleSize', header: '有效回访', width: 10 },
  { key: 'invalidVisits', header: '无效回访', width: 10 },
  { key: 'exemptions', header: '免考核', width: 8 },
  { key: 'wilsonRank', header: '小样本排名', width: 10 },
  { key: 'previousRank', header: '上期排名', width: 10 },
  { key: 'rankChange', header: '名次变化', width: 10 },
  { key: 'list', header: '前十/后十', width: 12 },
];

const CLASS_LABELS: Record<string, string> = { street: '街乡镇', district: '区', department: '市级部门', enterprise: '国有企业' };

const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 100);

function toSheetRow(r: RankingRow): ScoreSheetRow {
  return {
    unitClass: r.unitClass,
    rank: r.rank,
    unitCode: r.unitCode,
    unitName: r.unitName,
    compositePoints: round2(r.composite),
    responseRate: round2(r.responseRate),
    resolutionRate: round2(r.resolutionRate),
    satisfactionRate: round2(r.satisfactionRate),
    sampleSize: r.sampleSize,
    invalidVisits: r.invalidVisits,
    exemptions: r.exemptions,
    wilsonRank: r.wilsonRank,
    previousRank: r.trend?.previousRank ?? null,
    rankChange: r.trend?.rankChange ?? null,
    list: r.isTop && r.isBottom ? 'top+bottom' : r.isTop ? 'top' : r.isBottom ? 'bottom' : '',
  };
}

export function scoreSheetOf(rankings: PeriodRankings): ScoreSheet {
  return {
    periodKey: rankings.periodKey,
    source: rankings.source,
    version: rankings.version,
    rows: rankings.classes.flatMap((c) => c.rows.map(toSheetRow)),
  };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function scoreSheetCsv(sheet: ScoreSheet): string {
  const lines = [SCORE_SHEET_COLUMNS.map((c) => c.header).join(',')];
  for (const row of sheet.rows) lines.push(SCORE_SHEET_COLUMNS.map((c) => csvCell(row[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function scoreSheetWorkbook(sheet: ScoreSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jiesu';
  const classes = [...new Set(sheet.rows.map((r) => r.unitClass))];
  for (const unitClass of classes) {
    const ws = wb.addWorksheet(CLASS_LABELS[unitClass] ?? unitClass);
    ws.columns = SCORE_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of sheet.rows.filter((r) => r.unitClass === unitClass)) ws.addRow(row);
  }
  const info = wb.addWorksheet('说明');
  info.addRow(['考核周期', sheet.periodKey]);
  info.addRow(['来源', sheet.source === 'published' ? `已发布 第${sheet.version ?? ''}版` : '实时计算（未发布）']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ExportScoreSheetOptions {
  actor: Actor;
  periodKey: string;
  unitClass?: ScoredUnitClass;
  source?: 'live' | 'published';
  version?: number;
}

export async function exportScoreSheet(ctx: AppContext, opts: ExportScoreSheetOptions): Promise<ScoreSheet> {
  requireRankingReader(opts.actor);
  const rankings = await loadRankings(ctx, { periodKey: opts.periodKey, ...(opts.source ? { source: opts.source } : {}), ...(opts.version ? { version: opts.version } : {}) });
  return scoreSheetOf(scopeRankings(opts.actor, rankings, opts.unitClass));
}
