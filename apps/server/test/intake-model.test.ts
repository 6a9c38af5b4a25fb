// The category model's life outside the suggestion call: `jiesu model train` / `model eval` on a
// fixture file (the real CLI, spawned), importing the artifact into the database, and training
// from the platform's own finished cases. Made-up fixtures only (packages/nlp/test/fixtures.ts).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../packages/nlp/test/fixtures';
import { toJsonl } from '../src/intake/model-files';
import { intakeBody } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../bin/jiesu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'jiesu-model-'));

let env: TestEnv;
let admin: Client;
let operator: Client;
let dispatcher: Client;

beforeAll(async () => {
  env = await startTestEnv();
  admin = await env.as('admin');
  operator = await env.as('operator');
  dispatcher = await env.as('dispatcher');
});
afterAll(async () => {
  await env?.close();
});

async function jiesu(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: resolve(import.meta.dirname, '../../..') });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('jiesu model train / eval', () => {
  it('trains on a labelled file with a hold-out and evaluates exactly the held-out rows', async () => {
    const data = join(dir, 'fixtures.jsonl');
    writeFileSync(data, toJsonl(FIXTURES));
    const model = join(dir, 'model.json');
    const holdout = join(dir, 'holdout.jsonl');
    const trained = await jiesu('model', 'train', '--data', data, '--out', model, '--test-share', '0.2', '--seed', '7', '--holdout-out', holdout);
    expect(trained).toMatchObject({ examples: 40, train: 32, heldOut: 8 });
    expect(readFileSync(holdout, 'utf8').trim().split('\n')).toHaveLength(8);

    const report = await jiesu('model', 'eval', '--model', model, '--data', holdout);
    expect(report.n).toBe(8);
    expect(report.accuracy).toEqual(expect.any(Number));
    expect(report.macroF1).toEqual(expect.any(Number));
    expect(Object.keys(report.perLabel as object).sort()).toEqual([...new Set(FIXTURES.map((f) => f.label))].sort());
    expect((report.perLabel as Record<string, object>)['交通运输']).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number), support: expect.any(Number) });
    const confusion = report.confusion as { labels: string[]; matrix: number[][] };
    expect(confusion.matrix.flat().reduce((a, b) => a + b, 0)).toBe(8);
    // the train command's own figures are the same evaluation
    expect((trained.evaluation as { accuracy: number }).accuracy).toBe(report.accuracy);

    // the artifact imports into the database as the active model
    const artifact = JSON.parse(readFileSync(model, 'utf8')) as Record<string, unknown>;
    const imported = await admin.post('/api/intake/models', { artifact, source: 'fixtures' });
    expect(imported.statusCode, imported.body).toBe(201);
    const models = (await admin.get('/api/intake/models')).json().items;
    expect(models[0]).toMatchObject({ id: imported.json().id, isActive: true, format: 'jiesu.category-model', formatVersion: 1 });
    expect(models[0].metrics.accuracy).toBe(report.accuracy);
  }, 120_000);

  it('fails clearly on a missing file', async () => {
    await expect(jiesu('model', 'eval', '--model', join(dir, 'nope.json'), '--data', join(dir, 'nope.jsonl'))).rejects.toThrow(/not a readable JSON model file/);
  }, 60_000);
});

describe('train from cases', () => {
  it('skips below the minimum and otherwise trains on finished cases labelled with their level-1 category', async () => {
    const leafUnder = async (level1: string) => {
      const db = env.rt.ctx.db;
      const top = await db.selectFrom('categories').select('code').where('name', '=', level1).where('level', '=', 1).executeTakeFirstOrThrow();
      const leaf = await db.selectFrom('categories').select('code').where('code', 'like', `${top.code}%`).where('level', '=', 3).orderBy('code').executeTakeFirstOrThrow();
      return leaf.code;
    };
    // The fixtures' labels in the common 12345 layout, as jiesu's own tree names them.
    const level1: Record<string, string> = { 交通运输: '交通管理', 教育文体: '教育' };
    const examples = FIXTURES.filter((f) => f.label in level1);
    for (const e of examples) {
      const created = await operator.post(
        '/api/cases',
        intakeBody({ kind: 'consultation', subject: e.subject ?? e.detail.slice(0, 20), detail: e.detail, categoryCode: await leafUnder(level1[e.label] as string) }),
      );
      expect(created.statusCode, created.body).toBe(201);
      expect((await dispatcher.post(`/api/cases/${created.json().id}/answer`, { text: '已答复。' })).statusCode).toBe(200);
    }
    const tooFew = await admin.post('/api/intake/models/train-from-cases', { minCases: 100 });
    expect(tooFew.json()).toMatchObject({ trained: false, cases: 20 });
    expect((await operator.post('/api/intake/models/train-from-cases', { minCases: 2 })).statusCode).toBe(403);

    const res = await admin.post('/api/intake/models/train-from-cases', { minCases: 10, testShare: 0.2 });
    expect(res.statusCode, res.body).toBe(200);
    const trained = res.json();
    expect(trained).toMatchObject({ trained: true, cases: 20, labels: ['交通管理', '教育'] });
    expect(trained.evaluation.n).toBe(4);

    const s = (await operator.post('/api/intake/suggestions', { subject: '公交班次太少', detail: '早高峰公交车等半小时。' })).json();
    expect(s.category.model.id).toBe(trained.id);
    expect(s.category.labels[0].label).toBe('交通管理');
  }, 120_000);
});
