// The archive of finished cases (migration 0037). A case closed more than `archiveAfterDays` ago
// keeps its row in `cases` (lists, search, scoring and the state document are unchanged), but its
// history rows and its stopped clocks — read only when the case itself is opened — move into one
// row of `case_archive`: both lists as column tuples in JSON, deflated with a fixed dictionary.
// A million finished cases' ~5.8 history rows and ~3.8 clock rows each (≈2.9 KB with their
// primary keys) become one row of ≈0.8 KB (docs/scaling.md).
//
// Readers read the live rows first and the archive second and merge by seq (history) or key
// (clocks), the live row winning: packing moves rows in one transaction, so a reader racing it sees
// an event in the live table, in the archive or in both, never in neither. Events written after a
// case was archived (a late appeal, a reopening) are live rows again until the next pass packs them.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Selectable } from 'kysely';
import type { CaseClocksTable, CaseHistoryTable } from '../db/schema';

/** One history row as stored (case_history's columns without case_id and case_received_at). */
export type ArchivedHistoryRow = Omit<Selectable<CaseHistoryTable>, 'case_id' | 'case_received_at'>;

/** One clock row as stored (case_clocks' columns without case_id). */
export type ArchivedClockRow = Omit<Selectable<CaseClocksTable>, 'case_id'>;

export interface ArchivedCase {
  history: ArchivedHistoryRow[];
  clocks: ArchivedClockRow[];
}

/** The format's version, the first byte of every packed value. */
const FORMAT_V1 = 1;

/**
 * Deflate's preset dictionary for version 1: text that archived cases repeat (tuple skeletons,
 * actions, statuses, clock names, JSON keys). Frozen: changing one byte makes every value packed
 * with it unreadable, so a better dictionary is a new format version beside this one.
 */
const DICTIONARY_V1 = Buffer.from(
  [
    '"mimeType":"image/jpeg","sizeBytes":',
    '[{"id":"","kind":"photo","name":"","mimeType":"image/png","sizeBytes":',
    '"withdrawnExtensionId":null',
    '"childCaseIds":[]',
    '"isSolved":true',
    '"summary":"',
    '"round":1',
    '"satisfaction":"satisfied","resolved":true,"contacted":true,"reached":true',
    '"method":"phone","isFirst":true,"unitCode":"',
    '"mode":"standard","isBinding":false,"dispatchNo":1,"isRedispatch":false,"leadUnitCode":"',
    '","feedbackDueAt":{"$date":"2026-',
    'T00:00:00.000Z"},"coHandlerUnitCodes":[]',
    '{"kind":"complaint","channel":"phone","urgency":"general","caseNumber":"2026',
    '","categoryCode":"',
    '"escalate","remind","note","whistle","request_extension","approve_extension","return","accept_return","redispatch","add_co_handler"',
    '"dispatch","Dispatch","sign","first_contact","feedback","stopped","running","110105',
    '.000Z",null,null]',
    '{"h":[[1,"intake",null,"received","',
    '","operator","话务员 ","110000","2026-',
    '[2,"dispatch","received","dispatched","',
    '","dispatcher","派单员 ","110000","2026-',
    '[3,"sign","dispatched","signed","',
    '","街道 承办人 ","110105',
    '[4,"contact","signed","handling","',
    '[5,"submit_feedback","handling","feedback","',
    '[6,"close","feedback","closed","',
    '[7,"record_visit","closed","visited","',
    '","visitor","回访员 ","110000","2026-',
    '[8,"score","visited","scored","',
    ':00.000Z",null,null,{"unitCode":"110105',
    '"]],"c":[["',
  ].join(''),
  'utf8',
);

/** case_history's columns after its case_id and case_received_at, in the table's order (case-history.ts builds its insert from them). */
export const HISTORY_FIELDS = [
  'seq',
  'action',
  'from_status',
  'to_status',
  'actor_user_id',
  'actor_username',
  'actor_display_name',
  'actor_unit_code',
  'at',
  'note',
  'attachments',
  'data',
] as const satisfies readonly (keyof ArchivedHistoryRow)[];
const CLOCK_FIELDS = [
  'key',
  'name',
  'owner_unit_code',
  'owner_unit_path',
  'started_at',
  'due_at',
  'remind_at',
  'status',
  'stopped_at',
  'reminded_at',
  'escalated_at',
] as const satisfies readonly (keyof ArchivedClockRow)[];
const HISTORY_DATES = new Set<string>(['at']);
const CLOCK_DATES = new Set<string>(['started_at', 'due_at', 'remind_at', 'stopped_at', 'reminded_at', 'escalated_at']);

function tuple<T extends object>(row: T, fields: readonly (keyof T & string)[]): unknown[] {
  return fields.map((f) => {
    const v = row[f] as unknown;
    return v instanceof Date ? v.toISOString() : (v ?? null);
  });
}

function untuple<T>(t: unknown, fields: readonly string[], dates: Set<string>, what: string): T {
  if (!Array.isArray(t) || t.length !== fields.length) throw new Error(`case archive: a ${what} entry is not a ${fields.length}-tuple`);
  const out: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    const v: unknown = t[i];
    out[f] = dates.has(f) && typeof v === 'string' ? new Date(v) : v;
  });
  return out as T;
}

/** Packs a finished case's history and clocks (format 1). */
export function packArchive(a: ArchivedCase): Buffer {
  const json = JSON.stringify({ h: a.history.map((r) => tuple(r, HISTORY_FIELDS)), c: a.clocks.map((r) => tuple(r, CLOCK_FIELDS)) });
  return Buffer.concat([Buffer.from([FORMAT_V1]), deflateRawSync(Buffer.from(json, 'utf8'), { level: 9, dictionary: DICTIONARY_V1 })]);
}

/** The history and clocks of a packed value (bytea from pg as a Buffer, from PGlite as a Uint8Array). */
export function unpackArchive(value: Uint8Array): ArchivedCase {
  const buf = Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (buf[0] !== FORMAT_V1) throw new Error(`case archive: unknown format ${String(buf[0])}`);
  const parsed = JSON.parse(inflateRawSync(buf.subarray(1), { dictionary: DICTIONARY_V1 }).toString('utf8')) as { h: unknown[]; c: unknown[] };
  return {
    history: parsed.h.map((t) => untuple<ArchivedHistoryRow>(t, HISTORY_FIELDS, HISTORY_DATES, 'history')),
    clocks: parsed.c.map((t) => untuple<ArchivedClockRow>(t, CLOCK_FIELDS, CLOCK_DATES, 'clock')),
  };
}

/** Live and archived history of one case, by seq; a live row wins over an archived one. */
export function mergeHistory<T extends { seq: number }>(live: T[], archived: T[]): T[] {
  const bySeq = new Map<number, T>();
  for (const r of archived) bySeq.set(r.seq, r);
  for (const r of live) bySeq.set(r.seq, r);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Live and archived clocks of one case, by key; a live row wins over an archived one. */
export function mergeClocks<T extends { key: string }>(live: T[], archived: T[]): T[] {
  const liveKeys = new Set(live.map((c) => c.key));
  return [...live, ...archived.filter((c) => !liveKeys.has(c.key))];
}
