// The monthly score sheet (成绩单): the rankings the actor may see as rows with Chinese labels, as
// JSON, CSV (UTF-8 with a BOM so Excel reads the Chinese), an Excel workbook (one sheet per
// ranking class and a 说明 sheet that explains the period, weights, formula, versions, rounding,
// minimum sample, tie rule and the published lists), or a printable HTML page with the same text.
import type { PeriodRankings, RankingRow } from '@jiesu/contracts';
import { type Actor, SCORING_RULES_VERSION } from '@jiesu/core';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context';
import { loadRankings, requireKnownClass, scopeRankings } from './get-rankings';
import { requireRankingReader } from './scoring-config';

export interface ScoreSheetRow {
  /** 考核类别, e.g. 街乡镇, 市级部门, 区级部门（朝阳区）. */
  classLabel: string;
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
  /** Wilson composite × 100, two decimals. */
  wilsonPoints: number | null;
  wilsonRank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  requests: number;
  population: number | null;
  /** 千人诉求量, two decimals. */
  requestsPerThousand: number | null;
  /** 前十 / 后十 / 前十、后十 / 不参与排名（n < k） / ''. */
  list: string;
  /** 进步较快 / 治理类, joined by 、. */
  notes: string;
}

export interface ScoreSheet {
  periodKey: string;
  source: 'live' | 'published';
  version: number | null;
  /** The 说明 lines: [heading, text]. */
  notes: Array<[string, string]>;
  /** One block per ranking class (and district). */
  sections: Array<{ title: string; rows: ScoreSheetRow[]; boundaryNotes: string[] }>;
  rows: ScoreSheetRow[];
}

export const SCORE_SHEET_COLUMNS: Array<{ key: keyof ScoreSheetRow; header: string; width: number }> = [
  { key: 'classLabel', header: '考核类别', width: 18 },
  { key: 'rank', header: '排名', width: 6 },
  { key: 'unitCode', header: '单位编码', width: 16 },
  { key: 'unitName', header: '单位名称', width: 24 },
  { key: 'compositePoints', header: '综合得分', width: 10 },
  { key: 'responseRate', header: '响应率(%)', width: 10 },
  { key: 'resolutionRate', header: '解决率(%)', width: 10 },
  { key: 'satisfactionRate', header: '满意率(%)', width: 10 },
  { key: 'sampleSize', header: '有效回访量', width: 10 },
  { key: 'invalidVisits', header: '无效回访量', width: 10 },
  { key: 'exemptions', header: '免考核件数', width: 10 },
  { key: 'wilsonPoints', header: '小样本修正得分', width: 12 },
  { key: 'wilsonRank', header: '小样本修正排名', width: 12 },
  { key: 'previousRank', header: '上期排名', width: 8 },
  { key: 'rankChange', header: '名次变化', width: 8 },
  { key: 'requests', header: '诉求量', width: 8 },
  { key: 'population', header: '常住人口', width: 10 },
  { key: 'requestsPerThousand', header: '千人诉求量', width: 10 },
  { key: 'list', header: '公布名单', width: 18 },
  { key: 'notes', header: '备注', width: 14 },
];

const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 100);
const round2plain = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

type ClassView = PeriodRankings['classes'][number];

export function classTitle(c: Pick<ClassView, 'label' | 'groupName'>): string {
  return c.groupName === null ? c.label : `${c.label}（${c.groupName}）`;
}

function toSheetRow(r: RankingRow, c: ClassView, publishCount: number): ScoreSheetRow {
  const list =
    r.unrankedReason !== null
      ? r.unrankedReason === 'no_valid_visit'
        ? '不参与排名（无有效回访）'
        : `不参与排名（n < ${c.minSampleSize}）`
      : r.isTop && r.isBottom
        ? `前${publishCount}名、后${publishCount}名`
        : r.isTop
          ? `前${publishCount}名`
          : r.isBottom
            ? `后${publishCount}名`
            : '';
  return {
    classLabel: classTitle(c),
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
    wilsonPoints: round2(r.wilsonComposite),
    wilsonRank: r.wilsonRank,
    previousRank: r.trend?.previousRank ?? null,
    rankChange: r.trend?.rankChange ?? null,
    requests: r.requests,
    population: r.population,
    requestsPerThousand: round2plain(r.requestsPerThousand),
    list,
    notes: [r.isImproved ? '进步较快' : '', r.isSpecialGovernance ? '治理类' : ''].filter((s) => s !== '').join('、'),
  };
}

/** The tie at a list's cut, in words (empty when there is none). */
export function boundaryNote(c: ClassView, which: 'top' | 'bottom', names: Map<string, string>): string {
  const b = which === 'top' ? c.topBoundary : c.bottomBoundary;
  if (b === null) return '';
  const name = (code: string) => names.get(code) ?? code;
  const list = which === 'top' ? `前${b.place}名` : `后${b.place}名`;
  const left = b.left.length > 0 ? `，${b.left.map(name).join('、')}未列入` : '';
  return `${list}边界并列：${b.tied.map(name).join('、')}综合得分同为${(b.score * 100).toFixed(2)}分（并列第${b.rank}名），按并列规则列入${b.listed.map(name).join('、')}${left}。`;
}

/** An instant as the city reads it, e.g. 2026-11-20 10:00（Asia/Shanghai）. */
function localTime(at: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(at),
  );
  return `${parts.replace(',', '')}（${timeZone}）`;
}

/** The 说明 sheet: everything an evaluator needs to read the numbers. */
export function scoreSheetNotes(r: PeriodRankings, timeZone: string): Array<[string, string]> {
  const p = r.policy;
  const classes = [...new Map(r.classes.map((c) => [c.classKey, c])).values()];
  const weightsText = classes
    .map(
      (c) =>
        `${c.label}：响应率 ${c.weights.response}、解决率 ${c.weights.resolution}、满意率 ${c.weights.satisfaction}（基本满意折算系数 ${c.weights.basicallySatisfiedFactor}，自 ${c.weights.validFrom} 起施行）`,
    )
    .join('；');
  const minText = classes.map((c) => `${c.label} ${c.minSampleSize} 件`).join('、');
  const orderText = classes.map((c) => `${c.label}按${c.officialOrder === 'wilson' ? '小样本修正得分（威尔逊下界）' : '综合得分'}`).join('、');
  const first = classes[0]?.weights;
  const formula = first
    ? `响应率 = 已联系件数 ÷ 有效回访量；解决率 = 已解决件数 ÷ 有效回访量；满意率 = （满意件数 + ${first.basicallySatisfiedFactor} × 基本满意件数）÷ 有效回访量；综合得分 = 100 × （${first.response} × 响应率 + ${first.resolution} × 解决率 + ${first.satisfaction} × 满意率）（各类别权重见“权重”）。小样本修正得分：三率各取 95% 威尔逊置信下界后按同一权重合成。`
    : '';
  const sourceText =
    r.source === 'published'
      ? `已发布 第${r.version ?? ''}版，发布时间 ${localTime(r.publishedAt ?? r.computedAt, timeZone)}${r.reason ? `，重新发布理由：${r.reason}` : ''}`
      : `实时计算（未发布），计算时间 ${localTime(r.computedAt, timeZone)}`;
  const pop = r.populations.units > 0 ? `常住人口取自${r.populations.source}（${r.populations.asOf}），共 ${r.populations.units} 个单位` : '尚未导入常住人口，千人诉求量空缺';
  return [
    ['考核周期', `${r.periodKey}（${r.period.firstDay} 至 ${r.period.lastDay}，每月 ${p.periodStartDay} 日起算，${timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone}）`],
    ['成绩单版本', sourceText],
    ['计分规则版本', `jiesu 计分规则 ${SCORING_RULES_VERSION}`],
    [
      '样本',
      '本期内完成回访的工单；仅有效回访（接通并回答是否联系、是否解决、满意度）计入三率；无效回访（三次未接通、拒访、号码错误）单列；经申诉同意免考核的工单不计入任何比率，单列件数。',
    ],
    ['计算公式', formula],
    ['权重', weightsText],
    [
      '舍入',
      '综合得分 = 综合值 × 100，四舍五入保留两位小数；三率以百分数保留两位小数；千人诉求量保留两位小数。排名按未舍入的数值计算（相差小于 10⁻⁹ 视为相同），故两位小数相同的单位仍可能名次不同。',
    ],
    ['考核类别', `${classes.map((c) => c.label).join('、')}分别排名；区级部门在本区内排名，不与市级部门混排。`],
    ['最少样本', `有效回访不少于以下件数方参与排名：${minText}；不足者列为“不参与排名（n < k）”，不占名次。`],
    ['官方排序', `${orderText}；另列小样本修正排名供参考。`],
    [
      '并列规则',
      `得分相同（相差小于 10⁻⁹）者名次相同（1、2、2、4）。公布前${p.publishCount}名、后${p.publishCount}名时，在官方得分并列处依次以另一得分（综合得分为官方时即小样本修正得分，反之亦然）、有效回访量较多者优先；三者均相同者一并列入，名单边界的并列情况另行注明。后${p.publishCount}名按同一顺序自末位倒数。`,
    ],
    ['诉求量', `本期受理的诉求件数：街乡镇、区按诉求发生地统计，部门、企业按主办单位统计；千人诉求量 = 诉求量 × 1000 ÷ 常住人口。${pop}。`],
    [
      '进步较快',
      `本期与上期均参与排名、名次上升且综合得分提高的单位，按${p.improvedBy === 'rank_change' ? '名次上升位数（相同者按得分提高幅度）' : '综合得分提高幅度（相同者按名次上升位数）'}取前 ${p.improvedCount} 个，末位并列者一并列入。`,
    ],
    ['治理类', `${r.specialGovernance.ruleText}。本期：${r.specialGovernance.units.map((u) => u.unitName).join('、') || '无'}。`],
    [
      '申诉时限',
      `承办单位须在回访完成后 ${p.appealWindowDays} 日内、且本期成绩发布前提出申诉；逾期申诉不予受理（APPEAL_WINDOW_CLOSED），确需受理的由市中心考核员注明理由后代为提交，留痕备查。`,
    ],
    [
      '并案工单',
      p.mergedChildren === 'main_case_visit' ? '并案（合并办理）的子工单不单独回访，随主工单回访、计分一次。' : '并案的子工单逐一回访，回访结果计入整组工单的主办单位。',
    ],
  ];
}

export function scoreSheetOf(rankings: PeriodRankings, timeZone: string): ScoreSheet {
  const names = new Map(rankings.classes.flatMap((c) => c.rows.map((r) => [r.unitCode, r.unitName] as const)));
  const sections = rankings.classes.map((c) => ({
    title: classTitle(c),
    rows: c.rows.map((r) => toSheetRow(r, c, rankings.policy.publishCount)),
    boundaryNotes: [boundaryNote(c, 'top', names), boundaryNote(c, 'bottom', names)].filter((s) => s !== ''),
  }));
  return {
    periodKey: rankings.periodKey,
    source: rankings.source,
    version: rankings.version,
    notes: scoreSheetNotes(rankings, timeZone),
    sections,
    rows: sections.flatMap((s) => s.rows),
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

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/[:\\/?*[\]]/g, '').slice(0, 31);
  for (let i = 2; used.has(name); i += 1) name = `${title.slice(0, 28)}${i}`;
  used.add(name);
  return name;
}

export async function scoreSheetWorkbook(sheet: ScoreSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jiesu';
  const used = new Set<string>(['说明']);
  const info = wb.addWorksheet('说明');
  info.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '说明', key: 'v', width: 120 },
  ];
  info.getRow(1).font = { bold: true };
  for (const [k, v] of sheet.notes) info.addRow({ k, v }).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  for (const section of sheet.sections) {
    if (section.rows.length === 0) continue;
    const ws = wb.addWorksheet(sheetName(section.title, used));
    ws.columns = SCORE_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of section.rows) ws.addRow(row);
    for (const note of section.boundaryNotes) ws.addRow({ classLabel: note });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (v: unknown): string =>
  (v === null || v === undefined ? '' : String(v)).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

/** The printable 成绩单: the 说明 first, then one table per class; A4 landscape when printed. */
/**
 * The printable page's one script (its 打印 button), a file served from our own origin: the CSP
 * (script-src 'self') refuses inline handlers. The console writes the page into a window it opened,
 * so this absolute path resolves against the console's origin.
 */
export const PRINT_SCRIPT_PATH = '/api/public/print.js';
export const PRINT_SCRIPT = "document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });\n";

export function scoreSheetHtml(sheet: ScoreSheet): string {
  const title = `接诉即办考核成绩单 ${sheet.periodKey}${sheet.source === 'published' ? ` 第${sheet.version ?? ''}版` : '（实时，未发布）'}`;
  const head = SCORE_SHEET_COLUMNS.filter((c) => c.key !== 'classLabel')
    .map((c) => `<th>${esc(c.header)}</th>`)
    .join('');
  const tables = sheet.sections
    .filter((s) => s.rows.length > 0)
    .map(
      (s) =>
        `<h2>${esc(s.title)}</h2>${s.boundaryNotes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}<table><thead><tr>${head}</tr></thead><tbody>${s.rows
          .map(
            (r) =>
              `<tr${r.rank === null ? ' class="unranked"' : ''}>${SCORE_SHEET_COLUMNS.filter((c) => c.key !== 'classLabel')
                .map((c) => `<td>${esc(r[c.key])}</td>`)
                .join('')}</tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><script src="${PRINT_SCRIPT_PATH}" defer></script><style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 11px; margin: 16px; }
h1 { font-size: 18px; } h2 { font-size: 14px; margin-top: 18px; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 2px 4px; text-align: right; }
th { background: #eee; } td:nth-child(2), td:nth-child(3), td:nth-child(18), td:nth-child(19) { text-align: left; }
tr.unranked td { color: #777; } dl { display: grid; grid-template-columns: 7em 1fr; gap: 2px 8px; } dt { font-weight: bold; }
.note { color: #a15c00; } @media print { .noprint { display: none; } }
</style></head><body><h1>${esc(title)}</h1><button class="noprint" type="button" data-print>打印</button><dl>${sheet.notes
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>${tables}</body></html>`;
}

export interface ExportScoreSheetOptions {
  actor: Actor;
  periodKey: string;
  classKey?: string;
  districtCode?: string;
  source?: 'live' | 'published';
  version?: number;
}

export async function exportScoreSheet(ctx: AppContext, opts: ExportScoreSheetOptions): Promise<ScoreSheet> {
  requireRankingReader(opts.actor);
  await requireKnownClass(ctx, opts.classKey);
  const rankings = await loadRankings(ctx, { periodKey: opts.periodKey, ...(opts.source ? { source: opts.source } : {}), ...(opts.version ? { version: opts.version } : {}) });
  return scoreSheetOf(
    scopeRankings(opts.actor, rankings, { ...(opts.classKey ? { classKey: opts.classKey } : {}), ...(opts.districtCode ? { districtCode: opts.districtCode } : {}) }),
    ctx.config.timeZone,
  );
}
