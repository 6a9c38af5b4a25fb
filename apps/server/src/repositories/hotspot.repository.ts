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
  tokens: string[];
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

/** Cases are read one day of receipts at a time. */
const SLICE_MS = 86_400_000;
/** Words travel as one string (a text[] is parsed element by element by the driver: slow for a month). */
const SEP = '\u001f';

export class HotspotRepository {
  constructor(private readonly db: Db) {}

  /**
   * Every case received in [from, to) located in the scope's subtree (all when scopePath is null),
   * oldest first, read one day at a time (a plain range of the receipt-time index each, so a month
   * of a big city never sits in one result and no page boundary can repeat or skip a row). Each
   * word string is interned (one string per distinct word), which keeps a month's words small.
   */
  async casesForMining(opts: { from: Date; to: Date; scopePath: string | null }, onPage?: (n: number) => void, trx: Db = this.db): Promise<MiningCase[]> {
    const out: MiningCase[] = [];
    const words = new Map<string, string>();
    for (let start = opts.from.getTime(); start < opts.to.getTime(); start += SLICE_MS) {
      const end = new Date(Math.min(start + SLICE_MS, opts.to.getTime()));
      const page = (
        await sql<{
          id: string;
          received_at: Date;
          category_code: string;
          district_code: string | null;
          street_code: string | null;
          community_code: string | null;
          requester: string | null;
          is_closed: boolean;
          is_solved: boolean | null;
          satisfaction: string | null;
          tokens: string;
        }>`
        select c.id, t.received_at, c.category_code, c.district_code, c.street_code, c.community_code,
          c.state->'requester'->>'phone' as requester, c.closed_at is not null as is_closed,
          f.is_solved, f.satisfaction, array_to_string(t.tokens, ${SEP}) as tokens
        from case_tokens t
        join cases c on c.id = t.case_id
        left join score_facts f on f.case_id = t.case_id and f.is_valid
        where t.received_at >= ${new Date(start)} and t.received_at < ${end}
          ${opts.scopePath === null ? sql`` : sql`and c.location_path like ${`${opts.scopePath}%`}`}
        order by t.received_at, t.case_id`.execute(trx)
      ).rows;
      for (const r of page) {
        out.push({
          caseId: r.id,
          receivedAt: new Date(r.received_at),
          categoryCode: r.category_code,
          districtCode: r.district_code,
          streetCode: r.street_code,
          communityCode: r.community_code,
          requesterKey: r.requester,
          isClosed: r.is_closed,
          isSolved: r.is_solved,
          satisfaction: r.satisfaction as MiningCase['satisfaction'],
          tokens: (r.tokens === '' ? [] : r.tokens.split(SEP)).map((w) => {
            const known = words.get(w);
            if (known !== undefined) return known;
            words.set(w, w);
            return w;
          }),
        });
      }
      onPage?.(out.length);
    }
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

  /** A new case joins a group: one member row and the group's counters, in one statement. */
  async attachMember(groupId: string, caseId: string, similarity: number, trx: Db = this.db): Promise<void> {
    await sql`
      with m as (
        insert into hotspot_members (group_id, case_id, similarity, is_attached) values (${groupId}, ${caseId}, ${similarity}, true)
        on conflict do nothing returning group_id
      )
      update hotspot_groups set size = size + 1, attached_count = attached_count + 1 where id in (select group_id from m)`.execute(trx);
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
