// All SQL about hotspot mining (每月一题 candidates): a period's cases with their words and
// outcomes, and stored runs with their ranked groups and members.
import type { GroupSignature, HotspotMetrics, HotspotScore, HotspotWeights } from '@jiesu/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { encodeJson, reviveJson } from './case-json';

type Db = Kysely<Database>;

/** One case of a period, as mining needs it (no names, no text beyond the words). */
export interface MiningCase {
  caseId: string;
  receivedAt: Date;
  categoryCode: string;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  requesterKey: string | null;
  isClosed: boolean;
  isSolved: boolean | null;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  /** On either side of a 重复来电 link (case_repeats). */
  hasRepeatLink: boolean;
  tokens: string[];
}

/** A period's cases column by column, their words as ids into `words` (text i: ids[starts[i]] … ids[starts[i + 1] - 1]). */
export interface MiningBatch {
  count: number;
  caseIds: string[];
  /** Epoch milliseconds. */
  receivedAt: number[];
  categoryCodes: string[];
  districtCodes: (string | null)[];
  streetCodes: (string | null)[];
  communityCodes: (string | null)[];
  requesterKeys: (string | null)[];
  isClosed: boolean[];
  isSolved: (boolean | null)[];
  satisfaction: MiningCase['satisfaction'][];
  hasRepeatLink: boolean[];
  words: string[];
  starts: Int32Array;
  ids: Int32Array;
}

/** Case i of a batch as a group member (what the metrics read). */
export function miningMember(b: MiningBatch, i: number): Omit<MiningCase, 'categoryCode' | 'tokens'> {
  return {
    caseId: b.caseIds[i] as string,
    receivedAt: new Date(b.receivedAt[i] as number),
    districtCode: b.districtCodes[i] ?? null,
    streetCode: b.streetCodes[i] ?? null,
    communityCode: b.communityCodes[i] ?? null,
    requesterKey: b.requesterKeys[i] ?? null,
    isClosed: b.isClosed[i] as boolean,
    isSolved: b.isSolved[i] ?? null,
    satisfaction: b.satisfaction[i] ?? null,
    hasRepeatLink: b.hasRepeatLink[i] as boolean,
  };
}

/**
 * The batch in time order (received, then case id — the order groups grow in), as `order by
 * t.received_at, t.case_id` would give it; sorted here rather than by the database, which would
 * sort the wide rows of a whole month on disk.
 */
function inReceiptOrder(b: MiningBatch): MiningBatch {
  const n = b.count;
  const at = b.receivedAt;
  const id = b.caseIds;
  const isBefore = (x: number, y: number) => (at[x] as number) < (at[y] as number) || (at[x] === at[y] && (id[x] as string) < (id[y] as string));
  let isSorted = true;
  for (let i = 1; i < n && isSorted; i++) if (isBefore(i, i - 1)) isSorted = false;
  if (isSorted) return b;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => (isBefore(x, y) ? -1 : isBefore(y, x) ? 1 : 0));
  const pick = <T>(xs: T[]): T[] => order.map((i) => xs[i] as T);
  const starts = new Int32Array(n + 1);
  const ids = new Int32Array(b.ids.length);
  let used = 0;
  order.forEach((i, k) => {
    starts[k] = used;
    const from = b.starts[i] as number;
    const to = b.starts[i + 1] as number;
    ids.set(b.ids.subarray(from, to), used);
    used += to - from;
  });
  starts[n] = used;
  return {
    count: n,
    caseIds: pick(b.caseIds),
    receivedAt: pick(b.receivedAt),
    categoryCodes: pick(b.categoryCodes),
    districtCodes: pick(b.districtCodes),
    streetCodes: pick(b.streetCodes),
    communityCodes: pick(b.communityCodes),
    requesterKeys: pick(b.requesterKeys),
    isClosed: pick(b.isClosed),
    isSolved: pick(b.isSolved),
    satisfaction: pick(b.satisfaction),
    hasRepeatLink: pick(b.hasRepeatLink),
    words: b.words,
    starts,
    ids,
  };
}

function grow(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(atLeast, a.length * 2));
  out.set(a);
  return out;
}

export interface HotspotRun {
  id: string;
  periodFrom: Date;
  periodTo: Date;
  scopeUnitCode: string;
  scopeUnitPath: string;
  computedAt: Date;
  computedBy: string;
  caseCount: number;
  groupCount: number;
  weights: HotspotWeights;
  options: Record<string, unknown>;
  elapsedMs: number;
}

export interface StoredTermWeights {
  docCount: number;
  idf: Record<string, number>;
}

export interface HotspotGroupRow {
  id: string;
  runId: string;
  rank: number;
  score: number;
  block: string | null;
  signature: GroupSignature;
  topWords: string[];
  size: number;
  attachedCount: number;
  metrics: HotspotMetrics;
  signals: HotspotScore;
  representativeCaseIds: string[];
}

export interface NewHotspotGroup extends Omit<HotspotGroupRow, 'runId' | 'attachedCount'> {
  members: { caseId: string; similarity: number }[];
}

export interface MemberCase {
  caseId: string;
  caseNumber: string;
  subject: string;
  status: string;
  receivedAt: Date;
  streetCode: string | null;
  similarity: number;
}

/** Rows fetched from the mining cursor at a time. */
const PAGE_ROWS = 20_000;

interface MiningRow {
  id: string;
  received_ms: number;
  category_code: string;
  district_code: string | null;
  street_code: string | null;
  community_code: string | null;
  requester: string | null;
  is_closed: boolean;
  is_solved: boolean | null;
  satisfaction: string | null;
  is_repeat: boolean;
  /** The case's words as big-endian int4 ids into mining_words (case_mining, migration 0036). */
  word_ids: Uint8Array;
}

export class HotspotRepository {
  constructor(private readonly db: Db) {}

  /**
   * Every case received in [from, to) located in the scope's subtree (all when scopePath is null),
   * oldest first, as rows (small periods: a topic's lookback). See miningBatch for a month.
   */
  async casesForMining(opts: { from: Date; to: Date; scopePath: string | null }, trx: Db = this.db): Promise<MiningCase[]> {
    const b = await this.miningBatch(opts, undefined, trx);
    const out: MiningCase[] = [];
    for (let i = 0; i < b.count; i++) {
      const tokens: string[] = [];
      for (let j = b.starts[i] as number; j < (b.starts[i + 1] as number); j++) tokens.push(b.words[b.ids[j] as number] as string);
      out.push({ ...miningMember(b, i), categoryCode: b.categoryCodes[i] as string, tokens });
    }
    return out;
  }

  /**
   * The same cases column by column, words as ids into one vocabulary (see EncodedTexts in the
   * core): a month of a big city in a few hundred megabytes. One query read through a cursor in
   * pages (so no page boundary can repeat or skip a row); codes are interned (one string per
   * distinct code). Each case comes from its narrow mining row (case_mining, migration 0036:
   * words as vocabulary ids in bytes, requester, category, place, closed — never the wide cases
   * row), the words' text from mining_words once per distinct word.
   */
  async miningBatch(opts: { from: Date; to: Date; scopePath: string | null }, onPage?: (n: number) => void, trx: Db = this.db): Promise<MiningBatch> {
    const interned = new Map<string, string>();
    const intern = (s: string | null): string | null => {
      if (s === null) return null;
      const known = interned.get(s);
      if (known !== undefined) return known;
      interned.set(s, s);
      return s;
    };
    // Vocabulary ids (mining_words) → this batch's ids, dense in order of first appearance (0 = not
    // seen yet, else local id + 1); the words themselves are fetched once, after the rows.
    let localOf = new Int32Array(1 << 16);
    const globalIds: number[] = [];
    const b: MiningBatch = {
      count: 0,
      caseIds: [],
      receivedAt: [],
      categoryCodes: [],
      districtCodes: [],
      streetCodes: [],
      communityCodes: [],
      requesterKeys: [],
      isClosed: [],
      isSolved: [],
      satisfaction: [],
      hasRepeatLink: [],
      words: [],
      starts: new Int32Array(0),
      ids: new Int32Array(0),
    };
    let starts = new Int32Array(1 << 16);
    let ids = new Int32Array(1 << 20);
    let used = 0;
    const take = (page: readonly MiningRow[]) => {
      for (const r of page) {
        const i = b.count++;
        if (i + 2 > starts.length) starts = grow(starts, i + 2);
        b.caseIds.push(r.id);
        b.receivedAt.push(Number(r.received_ms));
        b.categoryCodes.push(intern(r.category_code) as string);
        b.districtCodes.push(intern(r.district_code));
        b.streetCodes.push(intern(r.street_code));
        b.communityCodes.push(intern(r.community_code));
        b.requesterKeys.push(r.requester);
        b.isClosed.push(r.is_closed);
        b.isSolved.push(r.is_solved);
        b.satisfaction.push(r.satisfaction as MiningCase['satisfaction']);
        b.hasRepeatLink.push(r.is_repeat);
        starts[i] = used;
        const bytes = r.word_ids;
        const n = bytes.length >> 2;
        if (used + n > ids.length) ids = grow(ids, used + n);
        for (let k = 0; k < n; k++) {
          const at = k << 2;
          const g = (((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)) >>> 0;
          if (g >= localOf.length) localOf = grow(localOf, g + 1);
          let local = (localOf[g] as number) - 1;
          if (local < 0) {
            local = globalIds.length;
            globalIds.push(g);
            localOf[g] = local + 1;
          }
          ids[used++] = local;
        }
      }
      onPage?.(b.count);
    };
    // One query for the period through a cursor, fetched in pages: one plan (hash joins) for the
    // whole period instead of one per day, and never the whole result in memory at once.
    const read = async (t: Db) => {
      // The whole result is read, through a cursor (never parallel): plan for all rows, no JIT to
      // compile per call, and no sort in the server — the rows are put in time order here, after.
      await sql`set local cursor_tuple_fraction = 1`.execute(t);
      await sql`set local jit = off`.execute(t);
      await sql`
        declare hotspot_mining no scroll cursor for
        select t.case_id as id, (extract(epoch from t.received_at) * 1000)::float8 as received_ms, t.category_code, t.district_code, t.street_code, t.community_code,
          t.requester_key as requester, t.is_closed,
          f.is_solved, f.satisfaction, t.case_id in (select r.case_id from case_repeats r union all select r.repeat_of_case_id from case_repeats r) as is_repeat,
          t.word_ids
        from case_mining t
        left join score_facts f on f.case_id = t.case_id and f.is_valid
        where t.received_at >= ${opts.from} and t.received_at < ${opts.to}
          ${opts.scopePath === null ? sql`` : sql`and t.location_path like ${`${opts.scopePath}%`}`}`.execute(t);
      for (;;) {
        const page = (await sql<MiningRow>`fetch forward ${sql.raw(String(PAGE_ROWS))} from hotspot_mining`.execute(t)).rows;
        if (page.length === 0) break;
        take(page);
      }
      await sql`close hotspot_mining`.execute(t);
    };
    if (trx.isTransaction) await read(trx);
    else await trx.transaction().execute(read);
    b.words = await this.words(globalIds, trx);
    starts[b.count] = used;
    b.starts = starts.slice(0, b.count + 1);
    b.ids = ids.slice(0, used);
    return inReceiptOrder(b);
  }

  /** The words of vocabulary ids (mining_words), in the order of the ids. */
  private async words(globalIds: readonly number[], trx: Db): Promise<string[]> {
    const out = new Array<string>(globalIds.length);
    const position = new Map<number, number>();
    globalIds.forEach((g, i) => position.set(g, i));
    for (let i = 0; i < globalIds.length; i += 50_000) {
      const rows = await trx
        .selectFrom('mining_words')
        .select(['id', 'word'])
        .where('id', '=', sql<number>`any(${globalIds.slice(i, i + 50_000)}::int4[])`)
        .execute();
      for (const r of rows) out[position.get(r.id) as number] = r.word;
    }
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) throw new Error(`mining word ${String(globalIds[i])} is missing from mining_words`);
    return out;
  }

  /** Stores a run with its groups and members in one transaction; the previous runs stay (history). */
  async insertRun(run: HotspotRun, termWeights: StoredTermWeights, groups: readonly NewHotspotGroup[], trx: Db): Promise<void> {
    await trx
      .insertInto('hotspot_runs')
      .values({
        id: run.id,
        period_from: run.periodFrom,
        period_to: run.periodTo,
        scope_unit_code: run.scopeUnitCode,
        scope_unit_path: run.scopeUnitPath,
        computed_at: run.computedAt,
        computed_by: run.computedBy,
        case_count: run.caseCount,
        group_count: run.groupCount,
        weights: encodeJson(run.weights),
        options: encodeJson(run.options),
        term_weights: encodeJson(termWeights),
        elapsed_ms: run.elapsedMs,
      })
      .execute();
    for (let i = 0; i < groups.length; i += 500) {
      const slice = groups.slice(i, i + 500);
      await trx
        .insertInto('hotspot_groups')
        .values(
          slice.map((g) => ({
            id: g.id,
            run_id: run.id,
            rank: g.rank,
            score: g.score,
            block: g.block,
            signature: encodeJson(g.signature),
            top_words: g.topWords,
            size: g.size,
            metrics: encodeJson(g.metrics),
            signals: encodeJson(g.signals),
            representative_case_ids: g.representativeCaseIds,
          })),
        )
        .execute();
    }
    const members = groups.flatMap((g) => g.members.map((m) => ({ group_id: g.id, case_id: m.caseId, similarity: m.similarity })));
    for (let i = 0; i < members.length; i += 20_000) {
      const slice = members.slice(i, i + 20_000);
      await sql`
        insert into hotspot_members (group_id, case_id, similarity)
        select * from unnest(${slice.map((m) => m.group_id)}::uuid[], ${slice.map((m) => m.case_id)}::uuid[], ${slice.map((m) => m.similarity)}::real[])`.execute(trx);
    }
  }

  async findRun(id: string, trx: Db = this.db): Promise<HotspotRun | null> {
    const r = await trx.selectFrom('hotspot_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRun(r) : null;
  }

  /** The newest run whose scope is `scopeUnitCode` (the live run incremental attach feeds). */
  async latestRun(scopeUnitCode: string, trx: Db = this.db): Promise<HotspotRun | null> {
    const r = await trx
      .selectFrom('hotspot_runs')
      .selectAll()
      .where('scope_unit_code', '=', scopeUnitCode)
      .orderBy('computed_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? toRun(r) : null;
  }

  async listRuns(scopePaths: string | null, limit: number, trx: Db = this.db): Promise<HotspotRun[]> {
    let q = trx.selectFrom('hotspot_runs').selectAll().orderBy('computed_at', 'desc').orderBy('seq', 'desc').limit(limit);
    if (scopePaths !== null) q = q.where('scope_unit_path', 'like', `${scopePaths}%`);
    return (await q.execute()).map(toRun);
  }

  async termWeights(runId: string, trx: Db = this.db): Promise<StoredTermWeights | null> {
    const r = await trx.selectFrom('hotspot_runs').select('term_weights').where('id', '=', runId).executeTakeFirst();
    return r ? reviveJson<StoredTermWeights>(r.term_weights) : null;
  }

  async groups(runId: string, opts: { limit: number; offset?: number; minSize?: number }, trx: Db = this.db): Promise<HotspotGroupRow[]> {
    const rows = await trx
      .selectFrom('hotspot_groups')
      .selectAll()
      .where('run_id', '=', runId)
      .where('size', '>=', opts.minSize ?? 1)
      .orderBy('rank')
      .orderBy('id')
      .limit(opts.limit)
      .offset(opts.offset ?? 0)
      .execute();
    return rows.map(toGroup);
  }

  async findGroup(id: string, trx: Db = this.db): Promise<HotspotGroupRow | null> {
    const r = await trx.selectFrom('hotspot_groups').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toGroup(r) : null;
  }

  /** Signatures of a run's groups of two or more (singletons are not attached to). */
  async signatures(runId: string, trx: Db = this.db): Promise<{ id: string; block: string | null; signature: GroupSignature; size: number }[]> {
    const rows = await trx.selectFrom('hotspot_groups').select(['id', 'block', 'signature', 'size']).where('run_id', '=', runId).where('size', '>=', 2).execute();
    return rows.map((r) => ({ id: r.id, block: r.block, signature: reviveJson<GroupSignature>(r.signature), size: r.size }));
  }

  /**
   * New cases join their groups: the member rows and the groups' counters, in one statement. A row
   * already there (the same case in the same group) is left as it is and not counted again.
   */
  async attachMembers(rows: readonly { groupId: string; caseId: string; similarity: number }[], trx: Db = this.db): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      with m as (
        insert into hotspot_members (group_id, case_id, similarity, is_attached)
        select g, c, s, true from unnest(${rows.map((r) => r.groupId)}::uuid[], ${rows.map((r) => r.caseId)}::uuid[], ${rows.map((r) => r.similarity)}::real[]) as x(g, c, s)
        on conflict do nothing returning group_id
      ), n as (select group_id, count(*)::int as n from m group by group_id)
      update hotspot_groups g set size = g.size + n.n, attached_count = g.attached_count + n.n from n where g.id = n.group_id`.execute(trx);
  }

  /**
   * Cases received since `at` that are no member attached at intake to a group of `runId`, with
   * their words, newest first, at most `limit` (to attach again after a restart: the rows a crash
   * can lose are the newest).
   */
  async casesToAttachSince(runId: string, at: Date, limit: number, trx: Db = this.db): Promise<{ caseId: string; categoryCode: string; tokens: string[] }[]> {
    const rows = await trx
      .selectFrom('case_tokens as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .select(['t.case_id', 'c.category_code', 't.tokens'])
      .where('t.received_at', '>=', at)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('hotspot_members as m')
              .innerJoin('hotspot_groups as g', 'g.id', 'm.group_id')
              .select('m.case_id')
              .whereRef('m.case_id', '=', 't.case_id')
              .where('m.is_attached', '=', true)
              .where('g.run_id', '=', runId),
          ),
        ),
      )
      .orderBy('t.received_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, categoryCode: r.category_code, tokens: r.tokens }));
  }

  async members(groupId: string, opts: { limit: number }, trx: Db = this.db): Promise<MemberCase[]> {
    const rows = await trx
      .selectFrom('hotspot_members as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .select(['c.id', 'c.case_number', 'c.subject', 'c.status', 'c.received_at', 'c.street_code', 'm.similarity'])
      .where('m.group_id', '=', groupId)
      .orderBy('m.similarity', 'desc')
      .limit(opts.limit)
      .execute();
    return rows.map((r) => ({
      caseId: r.id,
      caseNumber: r.case_number,
      subject: r.subject,
      status: r.status,
      receivedAt: new Date(r.received_at),
      streetCode: r.street_code,
      similarity: r.similarity,
    }));
  }

  async memberCasesByIds(ids: readonly string[], trx: Db = this.db): Promise<Omit<MemberCase, 'similarity'>[]> {
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('cases')
      .select(['id', 'case_number', 'subject', 'status', 'received_at', 'street_code'])
      .where('id', 'in', [...ids])
      .execute();
    return rows.map((r) => ({ caseId: r.id, caseNumber: r.case_number, subject: r.subject, status: r.status, receivedAt: new Date(r.received_at), streetCode: r.street_code }));
  }

  /** Receipt times of a group's members (its trend). */
  async memberTimes(groupId: string, trx: Db = this.db): Promise<Date[]> {
    const rows = await trx.selectFrom('hotspot_members as m').innerJoin('cases as c', 'c.id', 'm.case_id').select('c.received_at').where('m.group_id', '=', groupId).execute();
    return rows.map((r) => new Date(r.received_at));
  }

  /** Names of the place units (districts, streets, communities). */
  async placeNames(trx: Db = this.db): Promise<string[]> {
    const rows = await trx.selectFrom('units').select('name').where('class', 'in', ['district', 'street', 'community']).execute();
    return rows.map((r) => r.name);
  }

  /** The root of the organisation (the city centre): the scope of the live, city-wide run. */
  async rootUnit(trx: Db = this.db): Promise<{ code: string; path: string } | null> {
    const r = await trx.selectFrom('units').select(['code', 'path']).where('parent_code', 'is', null).orderBy('path').limit(1).executeTakeFirst();
    return r ?? null;
  }
}

function toRun(r: {
  id: string;
  period_from: Date;
  period_to: Date;
  scope_unit_code: string;
  scope_unit_path: string;
  computed_at: Date;
  computed_by: string;
  case_count: number;
  group_count: number;
  weights: unknown;
  options: unknown;
  elapsed_ms: number;
}): HotspotRun {
  return {
    id: r.id,
    periodFrom: new Date(r.period_from),
    periodTo: new Date(r.period_to),
    scopeUnitCode: r.scope_unit_code,
    scopeUnitPath: r.scope_unit_path,
    computedAt: new Date(r.computed_at),
    computedBy: r.computed_by,
    caseCount: r.case_count,
    groupCount: r.group_count,
    weights: reviveJson<HotspotWeights>(r.weights),
    options: reviveJson<Record<string, unknown>>(r.options),
    elapsedMs: r.elapsed_ms,
  };
}

function toGroup(r: {
  id: string;
  run_id: string;
  rank: number;
  score: number;
  block: string | null;
  signature: unknown;
  top_words: string[];
  size: number;
  attached_count: number;
  metrics: unknown;
  signals: unknown;
  representative_case_ids: string[];
}): HotspotGroupRow {
  return {
    id: r.id,
    runId: r.run_id,
    rank: r.rank,
    score: r.score,
    block: r.block,
    signature: reviveJson<GroupSignature>(r.signature),
    topWords: r.top_words,
    size: r.size,
    attachedCount: r.attached_count,
    metrics: reviveJson<HotspotMetrics>(r.metrics),
    signals: reviveJson<HotspotScore>(r.signals),
    representativeCaseIds: r.representative_case_ids,
  };
}
