// Hotspot mining (每月一题 candidates) for a period and scope: group the period's cases by their
// words within their level-1 category, measure every group (requesters, spread, growth against the
// preceding periods, the hard signals), rank by the published formula and store the run — its best
// groups with their members and signatures, so new cases attach to them as they are taken in.
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  DEFAULT_TEXT_GROUPING,
  DomainError,
  type EncodedTexts,
  fitEncodedTermWeights,
  GroupAttacher,
  type HotspotMetrics,
  hotspotPeriod,
  hotspotScale,
  isInSubtree,
  measureHotspot,
  precedingPeriods,
  scoreHotspot,
  type TextGroupingOptions,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import { type HotspotRun, type MiningBatch, miningMember, type NewHotspotGroup, type StoredTermWeights } from '../../repositories/hotspot.repository';
import { groupTextsInThreads } from '../../services/hotspot-grouping';
import { level1Map } from '../../services/hotspot-index.service';
import { requireRole } from '../require';
import { hotspotWeights } from './hotspot-weights';

export const HOTSPOT_READER_ROLES = ['analyst', 'supervisor', 'unit_leader', 'administrator', 'evaluator'] as const;

export interface ComputeHotspotsOptions {
  actor: Actor;
  period: { month?: string; from?: string; to?: string };
  /** Unit whose area is mined (a district, a street …); default the actor's unit. */
  scopeUnitCode?: string;
  /** How many preceding periods of the same length growth is measured against. */
  previousPeriods?: number;
  /** Groups kept (ranked best first); smaller groups count in the run but are not stored. */
  keepGroups?: number;
  minGroupSize?: number;
  grouping?: Partial<TextGroupingOptions>;
  /** Threads the grouping uses (blocks spread over them); default the machine's cores, at most 4. */
  groupingThreads?: number;
  /** Progress for long runs (CLI, benchmark). */
  onStage?: (stage: string, ms: number) => void;
}

export interface ComputedHotspots {
  run: HotspotRun;
  stages: Record<string, number>;
}

export async function computeHotspots(ctx: AppContext, opts: ComputeHotspotsOptions): Promise<ComputedHotspots> {
  requireRole(opts.actor, ...HOTSPOT_READER_ROLES);
  const scope = await ctx.unitDirectory.find(opts.scopeUnitCode ?? opts.actor.unitCode);
  if (!scope) throw new DomainError('UNIT_NOT_FOUND', `Unit ${opts.scopeUnitCode ?? ''} does not exist.`, { field: 'scopeUnitCode' });
  if (!isInSubtree(opts.actor.unitPath, scope.path)) throw new DomainError('OUT_OF_SCOPE', 'You can mine only your own unit’s area.', { field: 'scopeUnitCode' });
  const tz = ctx.config.timeZone;
  const period = hotspotPeriod(opts.period, tz);
  const previous = opts.previousPeriods ?? 2;
  if (!Number.isInteger(previous) || previous < 0 || previous > 12) throw new DomainError('VALIDATION_FAILED', 'previousPeriods must be 0–12.', { field: 'previousPeriods' });
  const keep = opts.keepGroups ?? 500;
  const minSize = opts.minGroupSize ?? 2;
  const grouping: TextGroupingOptions = { ...DEFAULT_TEXT_GROUPING, ...opts.grouping };
  const weights = await hotspotWeights(ctx);

  const stages: Record<string, number> = {};
  let t = performance.now();
  const started = t;
  const stage = (name: string) => {
    const now = performance.now();
    stages[name] = Math.round(now - t);
    opts.onStage?.(name, stages[name]);
    t = now;
  };
  const scopePath = scope.parentCode === null ? null : scope.path;
  const cases = await ctx.repos.hotspots.miningBatch({ from: period.from, to: period.to, scopePath });
  stage('read');
  const blockOf = level1Map(await ctx.repos.categories.listAll({ includeInactive: true }));
  const texts = encodedTexts(cases, blockOf);
  const idf = fitEncodedTermWeights(texts, grouping, await ctx.hotspots.placeWords());
  const grouped = await groupTextsInThreads(texts, grouping, idf, cases.count, { threads: opts.groupingThreads });
  stage('group');

  const candidates = grouped.groups.filter((g) => g.members.length >= minSize);

  // Growth: the preceding periods' cases are attached to this period's groups, as a new case would be.
  const prevCounts = candidates.map(() => new Array<number>(previous).fill(0));
  if (previous > 0 && candidates.length > 0) {
    const attacher = new GroupAttacher(
      grouped.weights,
      candidates.map((g, k) => ({ key: k, block: g.block, signature: g.signature, size: g.members.length })),
      grouping,
    );
    const periods = precedingPeriods(period, previous, tz);
    for (let p = 0; p < periods.length; p++) {
      const pp = periods[p] as (typeof periods)[number];
      const earlier = await ctx.repos.hotspots.miningBatch({ from: pp.from, to: pp.to, scopePath });
      attacher.attachAll(encodedTexts(earlier, blockOf), (_, key) => {
        const row = prevCounts[key] as number[];
        row[p] = (row[p] ?? 0) + 1;
      });
    }
  }
  stage('growth');

  const measured = candidates.map((g, k) => ({
    g,
    metrics: measureHotspot(
      g.members.map((i) => miningMember(cases, i)),
      prevCounts[k] as number[],
    ),
  }));
  const firstId = (g: { members: number[] }) => cases.caseIds[g.members[0] as number] as string;
  const scale = hotspotScale(measured.map((m) => m.metrics));
  const ranked = measured
    .map((m) => ({ ...m, signals: scoreHotspot(m.metrics, scale, weights) }))
    .sort((a, b) => b.signals.score - a.signals.score || b.metrics.size - a.metrics.size || (firstId(a.g) < firstId(b.g) ? -1 : 1));
  const kept = ranked.slice(0, keep);
  const groups: NewHotspotGroup[] = kept.map((r, i) => {
    const members = r.g.members.map((i) => ({ caseId: cases.caseIds[i] as string, similarity: grouped.similarity[i] as number }));
    const representative = [...members]
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 5)
      .map((m) => m.caseId);
    return {
      id: randomUUID(),
      rank: i + 1,
      score: r.signals.score,
      block: r.g.block,
      signature: r.g.signature,
      topWords: r.g.signature.terms.slice(0, 8),
      size: r.metrics.size,
      metrics: r.metrics,
      signals: r.signals,
      representativeCaseIds: representative,
      members,
    };
  });
  stage('rank');

  // Only the words the stored signatures use are needed to weigh a new case against them.
  const used = new Set(groups.flatMap((g) => g.signature.terms));
  const termWeights: StoredTermWeights = { docCount: grouped.weights.docCount, idf: {} };
  for (const [w, v] of grouped.weights.idf) if (used.has(w)) termWeights.idf[w] = Math.round(v * 10_000) / 10_000;
  const run: HotspotRun = {
    id: randomUUID(),
    periodFrom: period.from,
    periodTo: period.to,
    scopeUnitCode: scope.code,
    scopeUnitPath: scope.path,
    computedAt: ctx.now(),
    computedBy: opts.actor.username,
    caseCount: cases.count,
    groupCount: candidates.length,
    weights,
    options: { label: period.label, previousPeriods: previous, keepGroups: keep, minGroupSize: minSize, grouping },
    elapsedMs: Math.round(performance.now() - started),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.hotspots.insertRun(run, termWeights, groups, trx);
    await ctx.repos.audit.record(
      opts.actor,
      {
        action: 'hotspots.compute',
        targetType: 'hotspot_run',
        targetId: run.id,
        data: { period: period.label, scope: scope.code, cases: cases.count, groups: candidates.length },
      },
      trx,
    );
  });
  stage('store');
  if (scope.parentCode === null) ctx.hotspots.reload();
  return { run: { ...run, elapsedMs: Math.round(performance.now() - started) }, stages };
}

/** A batch's words with each case's block (its level-1 category), as the grouping takes them. */
function encodedTexts(b: MiningBatch, blockOf: ReadonlyMap<string, string>): EncodedTexts {
  const blockNames: string[] = [];
  const blockIds = new Map<string, number>();
  const blocks = new Int32Array(b.count);
  for (let i = 0; i < b.count; i++) {
    const code = b.categoryCodes[i] as string;
    const name = blockOf.get(code) ?? code;
    let id = blockIds.get(name);
    if (id === undefined) {
      id = blockNames.length;
      blockNames.push(name);
      blockIds.set(name, id);
    }
    blocks[i] = id;
  }
  return { words: b.words, starts: b.starts, ids: b.ids, blocks, blockNames };
}

export type { HotspotMetrics };
