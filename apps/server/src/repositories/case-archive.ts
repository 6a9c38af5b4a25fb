// The archive of finished cases (migrations 0037, 0038). A case closed more than
// `archiveAfterDays` ago keeps its row in `cases` with every query column (lists, search, scoring
// are unchanged), but what is read only when the case itself is opened moves into one row of
// `case_archive`: its history rows, its stopped clocks (column tuples in JSON) and, from format 2,
// its state document, deflated together with a fixed dictionary. The row's `state` keeps a stub
// ({"$archived": 2}): a reader of `state` in SQL must take the document from here. A million finished cases' ~5.8
// history rows, ~3.8 clock rows (≈2.9 KB with their primary keys) and 1.26 KB of document each
// become one row of ≈1.2 KB (docs/scaling.md).
//
// Readers read the live rows first and the archive second and merge by seq (history) or key
// (clocks), the live row winning; a row whose document is the stub takes the archived document:
// packing moves rows in one transaction, so a reader racing it sees an event in the live table,
// in the archive or in both, never in neither. Events written after a case was archived (a late
// appeal, a reopening) are live rows again, and their save writes the whole document back into
// the row, until the next pass packs them.
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
  /** the stored state document as the row held it (JSON, dates as {"$date"}); null in format 1 */
  document: Record<string, unknown> | null;
}

/** The format's version, the first byte of every packed value: 1 history and clocks (0037), 2 with the document (0038). */
export type ArchiveFormat = 1 | 2;

/** The key of the stub a row's `state` keeps once its document is archived. */
export const ARCHIVED_MARK = '$archived';

/** The stub a row's `state` keeps once its document is archived. */
export const ARCHIVED_STUB = { [ARCHIVED_MARK]: 2 } as const;

/** Whether a stored document is the stub of an archived one. */
export function isArchivedStub(document: Record<string, unknown>): boolean {
  return document[ARCHIVED_MARK] !== undefined;
}

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

/**
 * Version 2's dictionary: version 1's, then the skeleton of a finished case's state document as
 * jsonb gives it back (keys shortest first). Frozen like version 1.
 */
const DICTIONARY_V2 = Buffer.concat([
  DICTIONARY_V1,
  Buffer.from(
    [
      '{"visit":{"at":{"$date":"2026-","by":{"userId":"","unitCode":"110000","unitPath":"/110000/","username":"visitor","displayName":"回访员 "}',
      '"attempts":[],"resolved":true,"contacted":true,"satisfaction":"satisfied"},"scoredPeriodKey":"2026-',
      '{"detail":"","feedbacks":[{"round":1,"review":{"at":{"$date":"2026-',
      'T00:00:00.000Z"},"by":{"userId":"","unitCode":"110000","unitPath":"/110000/","username":"dispatcher","displayName":"派单员 "},',
      '"note":null,"decision":"accepted"},"summary":"","isSolved":true,"unitCode":"110105',
      '","attachments":[{"id":"","kind":"photo","name":"","mimeType":"image/jpeg","sizeBytes":',
      '}],"submittedAt":{"$date":"2026-","submittedBy":{"userId":"","unitCode":"110105","unitPath":"/110000/110105/110105',
      '/","username":".handler","displayName":"街道 承办人 "}}],"requester":{"name":"","phone":"138","isAnonymous":false},',
      '"eventCount":,"intakeUnit":{"code":"110000","path":"/110000/"},"receivedBy":{"userId":"","unitCode":"110000","unitPath":"/110000/",',
      '"username":"operator","displayName":"话务员 "},"assignments":[{"id":"1:110105","role":"lead","unit":{"code":"110105","name":"街道",',
      '"path":"/110000/110105/110105/","class":"street"},"state":"done","source":"dispatch","endedAt":{"$date":"2026-',
      '"},"mustSign":false,"signedAt":{"$date":"2026-","isBinding":false,"assignedAt":{"$date":"2026-',
      '"},"dispatchNo":1,"isSupervised":true}],"contactedAt":{"$date":"2026-","dispatchCount":1,"firstReceiverUnitCode":"110105',
    ].join(''),
    'utf8',
  ),
]);
const DICTIONARIES: Record<ArchiveFormat, Buffer> = { 1: DICTIONARY_V1, 2: DICTIONARY_V2 };

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

/** Packs a finished case (format 2; format 1 — no document — only for 0038's down, so code from before it can read the archive). */
export function packArchive(a: ArchivedCase, format: ArchiveFormat = 2): Buffer {
  if (format === 1 && a.document !== null) throw new Error('case archive: format 1 holds no document');
  const body: Record<string, unknown> = { h: a.history.map((r) => tuple(r, HISTORY_FIELDS)), c: a.clocks.map((r) => tuple(r, CLOCK_FIELDS)) };
  if (format === 2) body.d = a.document;
  return Buffer.concat([Buffer.from([format]), deflateRawSync(Buffer.from(JSON.stringify(body), 'utf8'), { level: 9, dictionary: DICTIONARIES[format] })]);
}

/** The history, clocks and document of a packed value (bytea from pg as a Buffer, from PGlite as a Uint8Array). */
export function unpackArchive(value: Uint8Array): ArchivedCase {
  const buf = Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const format = buf[0];
  if (format !== 1 && format !== 2) throw new Error(`case archive: unknown format ${String(format)}`);
  const parsed = JSON.parse(inflateRawSync(buf.subarray(1), { dictionary: DICTIONARIES[format] }).toString('utf8')) as {
    h: unknown[];
    c: unknown[];
    d?: Record<string, unknown> | null;
  };
  return {
    history: parsed.h.map((t) => untuple<ArchivedHistoryRow>(t, HISTORY_FIELDS, HISTORY_DATES, 'history')),
    clocks: parsed.c.map((t) => untuple<ArchivedClockRow>(t, CLOCK_FIELDS, CLOCK_DATES, 'clock')),
    document: parsed.d ?? null,
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
