// Category models in the database: import an artifact (from `jiesu model train` or elsewhere),
// train one from the platform's own finished cases, list them, choose the active one. Every
// change is audited; the cached model is reloaded after commit.
import { type Actor, DomainError } from '@jiesu/core';
import {
  evaluate,
  type LabelledExample,
  loadModel,
  MODEL_FORMAT,
  MODEL_VERSION,
  serializeModel,
  type SerializedModel,
  stratifiedSplit,
  trainCategoryModel,
  withMetrics,
} from '@jiesu/nlp';
import type { AppContext } from '../../context';
import { type EvaluationSummary, summarize } from '../../intake/model-files';
import { requireRole } from '../require';

export async function importCategoryModel(ctx: AppContext, opts: { actor: Actor; artifact: unknown; source: string; activate?: boolean }) {
  requireRole(opts.actor, 'administrator');
  let model;
  try {
    model = loadModel(opts.artifact);
  } catch (e) {
    throw new DomainError('VALIDATION_FAILED', e instanceof Error ? e.message : String(e), { field: 'body.artifact' });
  }
  // Stored as loaded and written again, so what is stored is exactly what will be served.
  const artifact: SerializedModel = serializeModel(model);
  const activate = opts.activate ?? true;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await ctx.repos.intake.insertModel(
      {
        format: MODEL_FORMAT,
        formatVersion: MODEL_VERSION,
        labels: model.labels,
        trainingSize: model.trainingSize,
        metrics: model.metrics,
        source: opts.source,
        artifact,
        createdBy: opts.actor.username,
      },
      trx,
    );
    if (activate) await ctx.repos.intake.activateModel(id, trx);
    await ctx.repos.audit.record(
      opts.actor,
      {
        action: 'intake.model.import',
        targetType: 'category_model',
        targetId: String(id),
        data: { source: opts.source, labels: model.labels, metrics: model.metrics, isActive: activate },
      },
      trx,
    );
    return id;
  });
  if (activate) ctx.intake.reloadModel();
  return { id, labels: model.labels, trainingSize: model.trainingSize, metrics: model.metrics, isActive: activate };
}

export interface TrainFromCasesOptions {
  actor: Actor;
  /** Fewer finished cases than this and nothing is trained. */
  minCases: number;
  /** Newest finished cases read at most. */
  limit?: number;
  testShare?: number;
  seed?: number;
}

export type TrainFromCasesResult =
  { trained: false; cases: number; reason: string } | { trained: true; cases: number; id: number; labels: string[]; evaluation: EvaluationSummary | null };

/** Label = the level-1 category name of each finished case, the same labels the shared data uses. */
export async function trainModelFromCases(ctx: AppContext, opts: TrainFromCasesOptions): Promise<TrainFromCasesResult> {
  requireRole(opts.actor, 'administrator');
  const rows = await ctx.repos.intake.trainingCases(opts.limit ?? 200_000);
  const examples: LabelledExample[] = rows.filter((r) => r.subject.trim() || r.detail.trim());
  if (examples.length < opts.minCases) {
    return { trained: false, cases: examples.length, reason: `Only ${examples.length} finished cases with a category; at least ${opts.minCases} are needed.` };
  }
  const labels = new Set(examples.map((e) => e.label));
  if (labels.size < 2) return { trained: false, cases: examples.length, reason: 'All finished cases share one level-1 category; a classifier needs two or more.' };
  const testShare = opts.testShare ?? 0.2;
  const seed = opts.seed ?? 42;
  // Labels too rare to split are trained on but not tested.
  const { train, test } = testShare > 0 ? stratifiedSplit(examples, { testShare, seed }) : { train: examples, test: [] };
  let model = trainCategoryModel(train, { createdAt: ctx.now(), sgd: { seed } });
  let evaluation: EvaluationSummary | null = null;
  if (test.length > 0) {
    const report = evaluate(model, test);
    evaluation = summarize(report);
    model = withMetrics(model, {
      n: report.n,
      accuracy: report.accuracy,
      macroF1: report.macroF1,
      evaluatedOn: `${Math.round(testShare * 100)}% stratified hold-out of the platform's finished cases, seed ${seed}`,
    });
  }
  const stored = await importCategoryModel(ctx, { actor: opts.actor, artifact: serializeModel(model), source: `trained from ${examples.length} finished cases` });
  return { trained: true, cases: examples.length, id: stored.id, labels: stored.labels, evaluation };
}

export async function listCategoryModels(ctx: AppContext, opts: { actor: Actor }) {
  requireRole(opts.actor, 'administrator', 'operator', 'dispatcher');
  return { items: await ctx.repos.intake.listModels() };
}

export async function activateCategoryModel(ctx: AppContext, opts: { actor: Actor; id: number }) {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await ctx.repos.intake.activateModel(opts.id, trx))) throw new DomainError('NOT_FOUND', `No category model has the id ${opts.id}.`, { field: 'id' });
    await ctx.repos.audit.record(opts.actor, { action: 'intake.model.activate', targetType: 'category_model', targetId: String(opts.id) }, trx);
  });
  ctx.intake.reloadModel();
  return { id: opts.id, isActive: true };
}
