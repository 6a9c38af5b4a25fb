// The knowledge-answer relevance threshold, measured on a labelled set written for jiesu
// (fixtures/knowledge-relevance.json: a request → the demo article that answers it, or none).
// Through the real suggestion endpoint on a fresh demo database: precision (offered answers that
// are the labelled article) and recall (requests with an article that get it offered) at the
// threshold in force, plus the same figures at other thresholds from the unthresholded search, so
// the choice can be seen. Prints the figures; asserts precision ≥ 0.95 and recall ≥ 0.9.
import { readFileSync } from 'node:fs';
import { DEFAULT_KNOWLEDGE_MIN_SCORE } from '@jiesu/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../src/seed/seed-knowledge';
import { type Client, type TestEnv, startTestEnv } from './harness';

interface Pair {
  text: string;
  article: string | null;
}
const PAIRS = (JSON.parse(readFileSync(new URL('./fixtures/knowledge-relevance.json', import.meta.url), 'utf8')) as { pairs: Pair[] }).pairs;

let env: TestEnv;
let operator: Client;
beforeAll(async () => {
  env = await startTestEnv();
  await seedDemoKnowledge(env.rt.ctx);
  operator = await env.as('operator');
});
afterAll(async () => env?.close());

interface Figures {
  offered: number;
  right: number;
  precision: number;
  recall: number;
}

/** Every offered answer counts: right when it is the labelled article. */
function figures(offeredPerPair: string[][]): Figures {
  const withArticle = PAIRS.filter((p) => p.article !== null).length;
  let offered = 0;
  let right = 0;
  let found = 0;
  PAIRS.forEach((p, i) => {
    const titles = offeredPerPair[i] ?? [];
    offered += titles.length;
    right += titles.filter((t) => t === p.article).length;
    if (p.article !== null && titles.includes(p.article)) found++;
  });
  return { offered, right, precision: offered === 0 ? 1 : right / offered, recall: found / withArticle };
}

it('offers knowledge answers only above the relevance threshold, with high precision and recall on the labelled set', async () => {
  expect(PAIRS.length).toBeGreaterThanOrEqual(60);
  const titles = new Set((await env.rt.ctx.intake.knowledgeBase()).articles.map((a) => a.title));
  expect(PAIRS.filter((p) => p.article !== null && !titles.has(p.article))).toEqual([]);

  const viaSuggestions: string[][] = [];
  const scored: Array<Array<{ title: string; score: number }>> = [];
  for (const p of PAIRS) {
    const s = await operator.post('/api/intake/suggestions', { subject: p.text, detail: '' });
    expect(s.statusCode, s.body).toBe(200);
    viaSuggestions.push((s.json().knowledge as Array<{ title: string }>).map((k) => k.title));
    const q = await operator.get(`/api/knowledge/search?q=${encodeURIComponent(p.text)}&limit=3`);
    scored.push((q.json().items as Array<{ title: string; score: number }>).map((k) => ({ title: k.title, score: k.score })));
  }
  const at = (t: number) => figures(scored.map((hits) => hits.filter((h) => h.score >= t).map((h) => h.title)));
  const lines = [0, 2, 3, 4, 5, DEFAULT_KNOWLEDGE_MIN_SCORE, 6, 7, 8, 10].map((t) => {
    const f = at(t);
    return `  score ≥ ${String(t).padEnd(4)} offered ${String(f.offered).padStart(3)}  right ${String(f.right).padStart(3)}  precision ${f.precision.toFixed(3)}  recall ${f.recall.toFixed(3)}${t === DEFAULT_KNOWLEDGE_MIN_SCORE ? '   ← in force' : ''}`;
  });
  const inForce = figures(viaSuggestions);
  console.log(
    `\nknowledge relevance on ${PAIRS.length} labelled requests (${PAIRS.filter((p) => p.article !== null).length} with an article):\n${lines.join('\n')}\n` +
      `suggestion endpoint (threshold ${DEFAULT_KNOWLEDGE_MIN_SCORE}): offered ${inForce.offered}, right ${inForce.right}, precision ${inForce.precision.toFixed(3)}, recall ${inForce.recall.toFixed(3)}\n`,
  );
  // The endpoint applies exactly the threshold the figures describe.
  expect(inForce).toEqual(at(DEFAULT_KNOWLEDGE_MIN_SCORE));
  expect(inForce.precision).toBeGreaterThanOrEqual(0.95);
  expect(inForce.recall).toBeGreaterThanOrEqual(0.9);
  // Without a threshold, unrelated answers are offered (the problem the threshold solves).
  expect(at(0).precision).toBeLessThan(0.8);
});

it('does not offer 社保卡补办 for a missing manhole cover, nor noise or property articles for a gas leak', async () => {
  const manhole = (await operator.post('/api/intake/suggestions', { subject: '井盖丢失', detail: '路边的井盖丢失了，晚上很危险。' })).json();
  expect(manhole.knowledge).toEqual([]);
  expect(manhole.knowledgeExplanationZh).toContain('阈值');
  const gas = (await operator.post('/api/intake/suggestions', { subject: '楼道燃气泄漏', detail: '楼道里闻到很浓的煤气味，怀疑燃气泄漏，请马上派人来。' })).json();
  expect((gas.knowledge as Array<{ title: string }>).map((k) => k.title)).toEqual(['燃气安全与报修']);
});
