// The month's grouping spread over threads (services/hotspot-grouping.ts) gives exactly the groups
// of one pass in this thread: same members, signatures, similarities and order. No database.
import { DEFAULT_TEXT_GROUPING, type EncodedTexts, fitEncodedTermWeights, groupEncodedTexts } from '@jiesu/core';
import { describe, expect, it } from 'vitest';
import { groupTextsInThreads } from '../src/services/hotspot-grouping';

/** Texts of 60 recurring problems over 5 blocks with shared filler words (a fixed pseudo-random stream). */
function texts(n: number): EncodedTexts {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const words: string[] = [];
  const idOf = new Map<string, number>();
  const id = (w: string) => {
    let i = idOf.get(w);
    if (i === undefined) idOf.set(w, (i = words.push(w) - 1));
    return i;
  };
  const starts = new Int32Array(n + 1);
  const ids: number[] = [];
  const blocks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = ids.length;
    const t = Math.floor(rnd() ** 2 * 60);
    for (let k = 0; k < 6; k++) ids.push(id(`p${t}_${Math.floor(rnd() * 9)}`));
    for (let k = 0; k < 5; k++) ids.push(id(`c${Math.floor(rnd() * 300)}`));
    blocks[i] = t % 5;
  }
  starts[n] = ids.length;
  return { words, starts, ids: Int32Array.from(ids), blocks, blockNames: ['A', 'B', 'C', 'D', 'E'] };
}

describe('hotspot grouping in threads', () => {
  it('gives the same groups as one pass in this thread', async () => {
    const t = texts(6000);
    const idf = fitEncodedTermWeights(t, DEFAULT_TEXT_GROUPING);
    const one = groupEncodedTexts(t, DEFAULT_TEXT_GROUPING, idf, 6000);
    const threaded = await groupTextsInThreads(t, DEFAULT_TEXT_GROUPING, idf, 6000, { threads: 2, minTexts: 0 });
    expect(one.groups.filter((g) => g.members.length >= 2).length).toBeGreaterThan(50);
    expect(new Set(one.groups.map((g) => g.block)).size).toBe(5);
    expect(threaded.groups).toEqual(one.groups);
    expect(Array.from(threaded.groupOf)).toEqual(Array.from(one.groupOf));
    expect(Array.from(threaded.similarity)).toEqual(Array.from(one.similarity));
  });
});
