// All SQL about topics of the month (每月一题) run as projects: topics, their problems (with the
// signature cases are matched by), the cases linked to a problem, and the policies issued.
import type { GroupSignature, TopicStatus } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, TopicProblemsTable, TopicsTable } from '../db/schema';
import { encodeJson, reviveJson } from './case-json';
import type { StoredTermWeights } from './hotspot.repository';

type Db = Kysely<Database>;

export interface Topic {
  id: string;
  month: string;
  title: string;
  description: string;
  status: TopicStatus;
  version: number;
  sourceRunId: string | null;
  startedAt: Date | null;
  closedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface TopicProblem {
  id: string;
  topicId: string;
  seq: number;
  title: string;
  description: string;
  leadUnitCode: string;
  coUnitCodes: string[];
  sourceGroupId: string | null;
  block: string | null;
  signature: GroupSignature | null;
  matchThreshold: number;
  createdAt: Date;
}

export interface TopicPolicy {
  id: string;
  topicId: string;
  problemId: string | null;
  title: string;
  issuingBody: string;
  issuedOn: string;
  attachmentId: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface LinkedCase {
  caseId: string;
  caseNumber: string;
  subject: string;
  status: string;
  receivedAt: Date;
  streetCode: string | null;
  linkKind: 'auto' | 'manual';
  similarity: number | null;
  isClosed: boolean;
  isSolved: boolean | null;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
}

/** A topic row as every topic query selects it (all but the intake's idempotency key). */
type TopicRow = Omit<Selectable<TopicsTable>, 'idempotency_key'>;

function toTopic(r: TopicRow): Topic {
  return {
    id: r.id,
    month: r.month,
    title: r.title,
    description: r.description,
    status: r.status as TopicStatus,
    version: r.version,
    sourceRunId: r.source_run_id,
    startedAt: r.started_at ? new Date(r.started_at) : null,
    closedAt: r.closed_at ? new Date(r.closed_at) : null,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  };
}

type ProblemRow = Selectable<TopicProblemsTable>;

function toProblem(r: ProblemRow): TopicProblem {
  return {
    id: r.id,
    topicId: r.topic_id,
    seq: r.seq,
    title: r.title,
    description: r.description,
    leadUnitCode: r.lead_unit_code,
    coUnitCodes: r.co_unit_codes,
    sourceGroupId: r.source_group_id,
    block: r.block,
    signature: r.signature === null ? null : reviveJson<GroupSignature>(r.signature),
    matchThreshold: r.match_threshold,
    createdAt: new Date(r.created_at),
  };
}

export class TopicRepository {
  constructor(private readonly db: Db) {}

  /** False when the idempotency key was used before (nothing is written). */
  async insertTopic(t: Topic, idempotencyKey: string | null, trx: Db = this.db): Promise<boolean> {
    const r = await trx
      .insertInto('topics')
      .values({
        id: t.id,
        month: t.month,
        title: t.title,
        description: t.description,
        status: t.status,
        version: t.version,
        source_run_id: t.sourceRunId,
        started_at: t.startedAt,
        closed_at: t.closedAt,
        created_by: t.createdBy,
        created_at: t.createdAt,
        idempotency_key: idempotencyKey,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async findTopicIdByKey(key: string, trx: Db = this.db): Promise<string | null> {
    return (await trx.selectFrom('topics').select('id').where('idempotency_key', '=', key).executeTakeFirst())?.id ?? null;
  }

  async findTopic(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<Topic | null> {
    let q = trx.selectFrom('topics').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toTopic(r) : null;
  }

  async listTopics(opts: { month?: string; statuses?: readonly TopicStatus[]; limit: number }, trx: Db = this.db): Promise<Topic[]> {
    let q = trx.selectFrom('topics').selectAll().orderBy('month', 'desc').orderBy('created_at', 'desc').limit(opts.limit);
    if (opts.month !== undefined) q = q.where('month', '=', opts.month);
    if (opts.statuses !== undefined) q = q.where('status', 'in', [...opts.statuses]);
    return (await q.execute()).map(toTopic);
  }

  /** Writes a new status if the version still matches; false when someone changed the topic first. */
  async updateTopic(t: Topic, expectedVersion: number, trx: Db): Promise<boolean> {
    const r = await trx
      .updateTable('topics')
      .set({ status: t.status, version: t.version, started_at: t.startedAt, closed_at: t.closedAt, title: t.title, description: t.description })
      .where('id', '=', t.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertProblem(p: TopicProblem, termWeights: StoredTermWeights | null, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('topic_problems')
      .values({
        id: p.id,
        topic_id: p.topicId,
        seq: p.seq,
        title: p.title,
        description: p.description,
        lead_unit_code: p.leadUnitCode,
        co_unit_codes: p.coUnitCodes,
        source_group_id: p.sourceGroupId,
        block: p.block,
        signature: p.signature === null ? null : encodeJson(p.signature),
        term_weights: termWeights === null ? null : encodeJson(termWeights),
        match_threshold: p.matchThreshold,
        created_at: p.createdAt,
      })
      .execute();
  }

  async problems(topicId: string, trx: Db = this.db): Promise<TopicProblem[]> {
    return (await trx.selectFrom('topic_problems').selectAll().where('topic_id', '=', topicId).orderBy('seq').execute()).map(toProblem);
  }

  async problemsOfTopics(topicIds: readonly string[], trx: Db = this.db): Promise<TopicProblem[]> {
    if (topicIds.length === 0) return [];
    return (
      await trx
        .selectFrom('topic_problems')
        .selectAll()
        .where('topic_id', 'in', [...topicIds])
        .orderBy('seq')
        .execute()
    ).map(toProblem);
  }

  async findProblem(id: string, trx: Db = this.db): Promise<TopicProblem | null> {
    const r = await trx.selectFrom('topic_problems').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toProblem(r) : null;
  }

  async problemTermWeights(id: string, trx: Db = this.db): Promise<StoredTermWeights | null> {
    const r = await trx.selectFrom('topic_problems').select('term_weights').where('id', '=', id).executeTakeFirst();
    return r?.term_weights ? reviveJson<StoredTermWeights>(r.term_weights) : null;
  }

  /** Problems of running topics that carry a signature: what a new case is matched against. */
  async runningProblemSignatures(trx: Db = this.db): Promise<{ id: string; block: string | null; signature: GroupSignature; termWeights: StoredTermWeights; threshold: number }[]> {
    const rows = await trx
      .selectFrom('topic_problems as p')
      .innerJoin('topics as t', 't.id', 'p.topic_id')
      .select(['p.id', 'p.block', 'p.signature', 'p.term_weights', 'p.match_threshold'])
      .where('t.status', '=', 'running')
      .where('p.signature', 'is not', null)
      .where('p.term_weights', 'is not', null)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      block: r.block,
      signature: reviveJson<GroupSignature>(r.signature),
      termWeights: reviveJson<StoredTermWeights>(r.term_weights),
      threshold: r.match_threshold,
    }));
  }

  /** Changes whenever a topic starts, closes or changes: the intake matcher reloads on a change. */
  async runningSignature(trx: Db = this.db): Promise<string> {
    const r = await sql<{ sig: string | null }>`select string_agg(id::text || ':' || version, ',' order by id) as sig from topics where status = 'running'`.execute(trx);
    return r.rows[0]?.sig ?? '';
  }

  /**
   * Links a case to a problem. An existing link is kept — a manual link turns an automatic one
   * manual, never the reverse. Returns true only when the link is new.
   */
  async linkCase(
    l: { problemId: string; caseId: string; linkKind: 'auto' | 'manual'; similarity: number | null; linkedBy: string; linkedAt: Date },
    trx: Db = this.db,
  ): Promise<boolean> {
    const r = await trx
      .insertInto('topic_problem_cases')
      .values({ problem_id: l.problemId, case_id: l.caseId, link_kind: l.linkKind, similarity: l.similarity, linked_by: l.linkedBy, linked_at: l.linkedAt })
      .onConflict((oc) => oc.columns(['problem_id', 'case_id']).doNothing())
      .executeTakeFirst();
    const isNew = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    if (!isNew && l.linkKind === 'manual') {
      await trx
        .updateTable('topic_problem_cases')
        .set({ link_kind: 'manual', linked_by: l.linkedBy, linked_at: l.linkedAt })
        .where('problem_id', '=', l.problemId)
        .where('case_id', '=', l.caseId)
        .where('link_kind', '=', 'auto')
        .execute();
    }
    return isNew;
  }

  /** Many auto links at once (when a topic starts); returns how many were new. */
  async linkCasesAuto(problemId: string, links: readonly { caseId: string; similarity: number }[], linkedBy: string, at: Date, trx: Db = this.db): Promise<number> {
    let n = 0;
    for (let i = 0; i < links.length; i += 5000) {
      const s = links.slice(i, i + 5000);
      const r = await sql<{ n: number }>`
        with x as (
          insert into topic_problem_cases (problem_id, case_id, link_kind, similarity, linked_by, linked_at)
          select ${problemId}::uuid, c, 'auto', sim, ${linkedBy}, ${at} from unnest(${s.map((l) => l.caseId)}::uuid[], ${s.map((l) => l.similarity)}::real[]) as u(c, sim)
          on conflict do nothing returning 1
        ) select count(*)::int as n from x`.execute(trx);
      n += r.rows[0]?.n ?? 0;
    }
    return n;
  }

  async unlinkCase(problemId: string, caseId: string, trx: Db = this.db): Promise<boolean> {
    const r = await trx.deleteFrom('topic_problem_cases').where('problem_id', '=', problemId).where('case_id', '=', caseId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** A problem's linked cases with their outcome (visit result), newest first. */
  async linkedCases(problemId: string, opts: { limit?: number } = {}, trx: Db = this.db): Promise<LinkedCase[]> {
    let q = trx
      .selectFrom('topic_problem_cases as l')
      .innerJoin('cases as c', 'c.id', 'l.case_id')
      .leftJoin('score_facts as f', (j) => j.onRef('f.case_id', '=', 'l.case_id').on('f.is_valid', '=', true))
      .select(['c.id', 'c.case_number', 'c.subject', 'c.status', 'c.received_at', 'c.street_code', 'c.closed_at', 'l.link_kind', 'l.similarity', 'f.is_solved', 'f.satisfaction'])
      .where('l.problem_id', '=', problemId)
      .orderBy('c.received_at', 'desc');
    if (opts.limit !== undefined) q = q.limit(opts.limit);
    const rows = await q.execute();
    return rows.map((r) => ({
      caseId: r.id,
      caseNumber: r.case_number,
      subject: r.subject,
      status: r.status,
      receivedAt: new Date(r.received_at),
      streetCode: r.street_code,
      linkKind: r.link_kind as 'auto' | 'manual',
      similarity: r.similarity,
      isClosed: r.closed_at !== null,
      isSolved: r.is_solved,
      satisfaction: r.satisfaction as LinkedCase['satisfaction'],
    }));
  }

  async linkedCounts(problemIds: readonly string[], trx: Db = this.db): Promise<Map<string, number>> {
    if (problemIds.length === 0) return new Map();
    const rows = await trx
      .selectFrom('topic_problem_cases')
      .select(['problem_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('problem_id', 'in', [...problemIds])
      .groupBy('problem_id')
      .execute();
    return new Map(rows.map((r) => [r.problem_id, Number(r.n)]));
  }

  /** Work items set for problems (their tasks), counted by status and overdue mark, per problem. */
  async taskProgress(
    sourceType: string,
    problemIds: readonly string[],
    trx: Db = this.db,
  ): Promise<Map<string, { total: number; open: number; inProgress: number; done: number; cancelled: number; overdue: number }>> {
    if (problemIds.length === 0) return new Map();
    const rows = await sql<{ source_id: string; total: number; open: number; in_progress: number; done: number; cancelled: number; overdue: number }>`
      select source_id, count(*)::int as total,
        count(*) filter (where status = 'open')::int as open,
        count(*) filter (where status = 'in_progress')::int as in_progress,
        count(*) filter (where status = 'done')::int as done,
        count(*) filter (where status = 'cancelled')::int as cancelled,
        count(*) filter (where is_overdue)::int as overdue
      from work_items where source_type = ${sourceType} and source_id in (${sql.join([...problemIds])})
      group by source_id`.execute(trx);
    return new Map(rows.rows.map((r) => [r.source_id, { total: r.total, open: r.open, inProgress: r.in_progress, done: r.done, cancelled: r.cancelled, overdue: r.overdue }]));
  }

  async insertPolicy(p: TopicPolicy, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('topic_policies')
      .values({
        id: p.id,
        topic_id: p.topicId,
        problem_id: p.problemId,
        title: p.title,
        issuing_body: p.issuingBody,
        issued_on: p.issuedOn,
        attachment_id: p.attachmentId,
        created_by: p.createdBy,
        created_at: p.createdAt,
      })
      .execute();
  }

  async policies(topicIds: readonly string[], trx: Db = this.db): Promise<TopicPolicy[]> {
    if (topicIds.length === 0) return [];
    const rows = await trx
      .selectFrom('topic_policies')
      .selectAll()
      .where('topic_id', 'in', [...topicIds])
      .orderBy('issued_on', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      topicId: r.topic_id,
      problemId: r.problem_id,
      title: r.title,
      issuingBody: r.issuing_body,
      issuedOn: r.issued_on,
      attachmentId: r.attachment_id,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
    }));
  }
}
