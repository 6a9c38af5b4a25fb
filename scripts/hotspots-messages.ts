// Hotspot grouping measured on real messages (../shared/data/messages-hot.jsonl, never shipped):
// prints the top groups with sizes and words, and a seeded sample of each group's members for a
// hand check of coherence. Thresholds can be compared: `npx tsx scripts/hotspots-messages.ts 0.25 0.3 0.35`.
// Skips (exit 0, with a message) when the shared data is absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_TEXT_GROUPING, groupTexts } from '@jiesu/core';
import { caseTokens } from '../apps/server/src/intake/text-tokens';

const file = resolve(import.meta.dirname, '../../shared/data/messages-hot.jsonl');
if (!existsSync(file)) {
  console.log(`skipped: ${file} is absent (the shared data is not shipped)`);
  process.exit(0);
}
interface Message {
  id: string | null;
  user: string | null;
  subject: string | null;
  time: string | null;
  detail: string;
  likes: number;
}
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Message);
rows.sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
const t0 = performance.now();
const docs = rows.map((r, i) => ({ id: String(i), tokens: caseTokens(r.subject ?? '', r.detail) }));
const tSeg = performance.now() - t0;
const thresholds = process.argv
  .slice(2)
  .map(Number)
  .filter((x) => x > 0);
const sample = process.env.SAMPLE === '1';
for (const threshold of thresholds.length ? thresholds : [DEFAULT_TEXT_GROUPING.threshold]) {
  const t1 = performance.now();
  const g = groupTexts(docs, { ...DEFAULT_TEXT_GROUPING, threshold });
  const tGroup = performance.now() - t1;
  const sorted = g.groups.map((x, i) => ({ ...x, i })).sort((a, b) => b.memberIds.length - a.memberIds.length);
  const multi = sorted.filter((x) => x.memberIds.length >= 2);
  console.log(
    `\nthreshold ${threshold}: ${rows.length} messages, ${g.groups.length} groups, ${multi.length} with ≥2 members holding ${multi.reduce((s, x) => s + x.memberIds.length, 0)} messages; segment ${tSeg.toFixed(0)} ms, group ${tGroup.toFixed(0)} ms`,
  );
  sorted.slice(0, 20).forEach((x, rank) => {
    const likes = x.memberIds.reduce((s, id) => s + (rows[Number(id)] as Message).likes, 0);
    const users = new Set(x.memberIds.map((id) => (rows[Number(id)] as Message).user)).size;
    console.log(`#${rank + 1} size ${x.memberIds.length} users ${users} likes ${likes}: ${x.signature.terms.slice(0, 6).join(' ')}`);
    if (sample) {
      // Up to 5 members spread over the group (first, last, evenly between): a fixed, reproducible sample.
      const ids = x.memberIds;
      const picks = [
        ...new Set(Array.from({ length: Math.min(5, ids.length) }, (_, k) => ids[Math.floor((k * (ids.length - 1)) / Math.max(1, Math.min(5, ids.length) - 1))] as string)),
      ];
      for (const id of picks) {
        const r = rows[Number(id)] as Message;
        console.log(`    [${id}] sim ${g.assignment.get(id)?.similarity} ${(r.subject ?? '').slice(0, 40)} | ${r.detail.replace(/\s+/g, ' ').slice(0, 60)}`);
      }
    }
  });
}
