// 选题: the centre names a month's topic — from a hotspot group (its signature then matches cases)
// or written by hand with keywords — and its problems, each with a lead unit and co-units.
import { randomUUID } from 'node:crypto';
import { type Actor, DEFAULT_TEXT_GROUPING, DomainError, type GroupSignature, TOPIC_PROBLEMS } from '@jiesu/core';
import type { AppContext } from '../../context';
import { caseTokens } from '../../intake/text-tokens';
import type { StoredTermWeights } from '../../repositories/hotspot.repository';
import type { Topic, TopicProblem } from '../../repositories/topic.repository';
import { requireTopicRunner } from './topic-access';

export interface ProblemInput {
  title: string;
  description?: string;
  leadUnitCode: string;
  coUnitCodes?: string[];
  /** The hotspot group the problem was chosen from: its signature links matching cases. */
  sourceGroupId?: string;
  /** For a problem written by hand: the words its cases use (segmented like case text). */
  keywords?: string;
}

export interface CreateTopicOptions {
  actor: Actor;
  month: string;
  title: string;
  description?: string;
  sourceRunId?: string;
  problems: ProblemInput[];
  idempotencyKey?: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function createTopic(ctx: AppContext, opts: CreateTopicOptions): Promise<{ topic: Topic; problems: TopicProblem[]; isNew: boolean }> {
  requireTopicRunner(opts.actor);
  const key = opts.idempotencyKey ?? null;
  if (key !== null) {
    const existing = await ctx.repos.topics.findTopicIdByKey(key);
    if (existing) {
      const topic = await ctx.repos.topics.findTopic(existing);
      if (topic) return { topic, problems: await ctx.repos.topics.problems(topic.id), isNew: false };
    }
  }
  if (!MONTH.test(opts.month)) throw new DomainError('VALIDATION_FAILED', 'month must look like 2026-12.', { field: 'month' });
  if (opts.title.trim() === '') throw new DomainError('VALIDATION_FAILED', 'A topic needs a title.', { field: 'title' });
  if (opts.problems.length > TOPIC_PROBLEMS.max) throw new DomainError('VALIDATION_FAILED', `A topic has at most ${TOPIC_PROBLEMS.max} problems.`, { field: 'problems' });
  if (opts.sourceRunId !== undefined && !(await ctx.repos.hotspots.findRun(opts.sourceRunId)))
    throw new DomainError('NOT_FOUND', `Hotspot run ${opts.sourceRunId} does not exist.`, { field: 'sourceRunId' });
  const now = ctx.now();
  const topic: Topic = {
    id: randomUUID(),
    month: opts.month,
    title: opts.title.trim(),
    description: opts.description?.trim() ?? '',
    status: 'draft',
    version: 1,
    sourceRunId: opts.sourceRunId ?? null,
    startedAt: null,
    closedAt: null,
    createdBy: opts.actor.username,
    createdAt: now,
  };
  const prepared: Awaited<ReturnType<typeof prepareProblem>>[] = [];
  for (const [i, p] of opts.problems.entries()) prepared.push(await prepareProblem(ctx, topic.id, i + 1, p, `problems[${i}]`, now));
  const isNew = await ctx.db.transaction().execute(async (trx) => {
    if (!(await ctx.repos.topics.insertTopic(topic, key, trx))) return false;
    for (const p of prepared) await ctx.repos.topics.insertProblem(p.problem, p.termWeights, trx);
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'topics.create', targetType: 'topic', targetId: topic.id, data: { month: topic.month, title: topic.title, problems: prepared.length } },
      trx,
    );
    return true;
  });
  if (!isNew && key !== null) return createTopic(ctx, opts);
  return { topic, problems: prepared.map((p) => p.problem), isNew: true };
}

/** Checks a problem's units and derives its signature (from the group, or from the keywords). */
export async function prepareProblem(
  ctx: AppContext,
  topicId: string,
  seq: number,
  p: ProblemInput,
  field: string,
  now: Date,
): Promise<{ problem: TopicProblem; termWeights: StoredTermWeights | null }> {
  if (p.title.trim() === '') throw new DomainError('VALIDATION_FAILED', 'A problem needs a title.', { field: `${field}.title` });
  const codes = [p.leadUnitCode, ...(p.coUnitCodes ?? [])];
  const units = await ctx.unitDirectory.findMany(codes);
  const found = new Set(units.map((u) => u.code));
  const missing = codes.findIndex((c) => !found.has(c));
  if (missing >= 0)
    throw new DomainError('UNIT_NOT_FOUND', `Unit ${codes[missing]} does not exist.`, { field: missing === 0 ? `${field}.leadUnitCode` : `${field}.coUnitCodes[${missing - 1}]` });
  if ((p.coUnitCodes ?? []).includes(p.leadUnitCode)) throw new DomainError('VALIDATION_FAILED', 'The lead unit is not also a co-unit.', { field: `${field}.coUnitCodes` });
  let signature: GroupSignature | null = null;
  let termWeights: StoredTermWeights | null = null;
  let block: string | null = null;
  if (p.sourceGroupId !== undefined) {
    const g = await ctx.repos.hotspots.findGroup(p.sourceGroupId);
    if (!g) throw new DomainError('NOT_FOUND', `Hotspot group ${p.sourceGroupId} does not exist.`, { field: `${field}.sourceGroupId` });
    const tw = await ctx.repos.hotspots.termWeights(g.runId);
    signature = g.signature;
    block = g.block;
    termWeights = tw === null ? null : { docCount: tw.docCount, idf: Object.fromEntries(g.signature.terms.filter((t) => t in tw.idf).map((t) => [t, tw.idf[t] as number])) };
  } else if (p.keywords !== undefined && p.keywords.trim() !== '') {
    const words = caseTokens(p.keywords, '');
    if (words.length === 0) throw new DomainError('VALIDATION_FAILED', 'The keywords hold no usable word.', { field: `${field}.keywords` });
    // Written by hand: every keyword counts the same.
    const w = Math.round((1 / Math.sqrt(words.length)) * 10_000) / 10_000;
    signature = { terms: words, weights: words.map(() => w) };
    termWeights = { docCount: 0, idf: Object.fromEntries(words.map((t) => [t, 1])) };
  }
  return {
    problem: {
      id: randomUUID(),
      topicId,
      seq,
      title: p.title.trim(),
      description: p.description?.trim() ?? '',
      leadUnitCode: p.leadUnitCode,
      coUnitCodes: p.coUnitCodes ?? [],
      sourceGroupId: p.sourceGroupId ?? null,
      block,
      signature,
      matchThreshold: DEFAULT_TEXT_GROUPING.threshold,
      createdAt: now,
    },
    termWeights,
  };
}
