// Pure tallies over case lists for the dashboards: counts by a key, per day, and a two-way table.

export interface Count {
  key: string;
  value: number;
}

/** Counts items per key, largest first (ties by key), optionally keeping the top n and folding the rest into `other`. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined, opts: { top?: number; otherKey?: string } = {}): Count[] {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = keyOf(it);
    if (k === null || k === undefined || k === '') continue;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const sorted = [...m.entries()].map(([key, value]) => ({ key, value })).sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  if (opts.top === undefined || sorted.length <= opts.top) return sorted;
  const kept = sorted.slice(0, opts.top);
  const rest = sorted.slice(opts.top).reduce((s, c) => s + c.value, 0);
  return [...kept, { key: opts.otherKey ?? 'other', value: rest }];
}

/** A YYYY-MM-DD day in a time zone (the city's, Asia/Shanghai by default). */
export function localDay(iso: string, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Counts per local day for the `days` days ending on `endDay` (inclusive), zero-filled. */
export function dailyCounts(isoTimes: readonly string[], endDay: string, days: number, timeZone = 'Asia/Shanghai'): Count[] {
  const m = new Map<string, number>();
  for (const t of isoTimes) {
    const d = localDay(t, timeZone);
    m.set(d, (m.get(d) ?? 0) + 1);
  }
  const out: Count[] = [];
  const end = new Date(`${endDay}T00:00:00Z`);
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(end.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    out.push({ key: d, value: m.get(d) ?? 0 });
  }
  return out;
}

export interface CrossTable {
  rows: string[];
  cols: string[];
  /** [colIndex, rowIndex, count] — the shape an ECharts heatmap wants. */
  cells: [number, number, number][];
  max: number;
}

/** A two-way count table (e.g. district × urgency), rows ordered by their totals. */
export function crossCount<T>(items: readonly T[], rowOf: (t: T) => string | null | undefined, colOf: (t: T) => string | null | undefined, cols: readonly string[]): CrossTable {
  const m = new Map<string, Map<string, number>>();
  for (const it of items) {
    const r = rowOf(it);
    const c = colOf(it);
    if (!r || !c) continue;
    const row = m.get(r) ?? new Map<string, number>();
    row.set(c, (row.get(c) ?? 0) + 1);
    m.set(r, row);
  }
  const total = (r: string) => [...(m.get(r)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const rows = [...m.keys()].sort((a, b) => total(b) - total(a) || a.localeCompare(b));
  const cells: [number, number, number][] = [];
  let max = 0;
  rows.forEach((r, ri) =>
    cols.forEach((c, ci) => {
      const v = m.get(r)?.get(c) ?? 0;
      max = Math.max(max, v);
      cells.push([ci, ri, v]);
    }),
  );
  return { rows, cols: [...cols], cells, max };
}
