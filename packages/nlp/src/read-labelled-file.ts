// Reads labelled history (JSONL or CSV with subject/detail/label) into training examples. Rows
// without a label (or without text) are skipped and counted, not fatal: real exports have gaps.
import { readFile } from 'node:fs/promises';
import { parseCsv } from './csv';
import type { LabelledExample } from './types';

export interface LabelledData {
  examples: LabelledExample[];
  /** Rows dropped because they had no label or no detail text. */
  skipped: number;
}

// Column names accepted in a CSV header; the Chinese ones are those of common government exports.
const HEADER_ALIASES = {
  subject: ['subject', 'title', '留言主题', '主题', '标题'],
  detail: ['detail', 'content', 'text', '留言详情', '详情', '内容'],
  label: ['label', 'category', '一级标签', '类别', '分类'],
} as const;

export async function readLabelledFile(path: string): Promise<LabelledData> {
  const text = await readFile(path, 'utf8');
  const isCsv = /\.csv$/i.test(path) || (!/\.(jsonl|ndjson|json)$/i.test(path) && !text.trimStart().startsWith('{'));
  return isCsv ? parseLabelledCsv(text) : parseLabelledJsonl(text);
}

export function parseLabelledJsonl(text: string): LabelledData {
  const rows: unknown[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line));
    } catch {
      throw new Error(`Line ${i + 1} is not valid JSON; each line of a JSONL file must be one object.`);
    }
  });
  return collect(
    rows.map((row) => {
      const r = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
      return { subject: asText(r.subject), detail: asText(r.detail), label: asText(r.label) };
    }),
  );
}

export function parseLabelledCsv(text: string): LabelledData {
  const [header, ...records] = parseCsv(text);
  if (!header) return { examples: [], skipped: 0 };
  const names = header.map((h) => h.trim().toLowerCase());
  const column = (aliases: readonly string[]) => names.findIndex((n) => aliases.includes(n));
  const subject = column(HEADER_ALIASES.subject);
  const detail = column(HEADER_ALIASES.detail);
  const label = column(HEADER_ALIASES.label);
  if (detail < 0 || label < 0) {
    throw new Error(`CSV header must name a detail and a label column (got: ${header.join(', ')}).`);
  }
  return collect(
    records.map((r) => ({
      subject: subject >= 0 ? asText(r[subject]) : null,
      detail: asText(r[detail]),
      label: asText(r[label]),
    })),
  );
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

function collect(rows: { subject: string | null; detail: string | null; label: string | null }[]): LabelledData {
  const examples: LabelledExample[] = [];
  let skipped = 0;
  for (const row of rows) {
    if (row.label === null || row.detail === null) {
      skipped++;
      continue;
    }
    examples.push({ subject: row.subject, detail: row.detail, label: row.label.trim() });
  }
  return { examples, skipped };
}
