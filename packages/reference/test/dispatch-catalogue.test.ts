// The default catalogue and the call samples against jiesu's own tree: every entry names a leaf
// that exists, the catalogue covers at least 80 kinds of call, and every simulated text is matched
// back to the entry it was written for (so simulated subject, detail and category agree).
import { matchDispatchCatalogue, validateDispatchCatalogue } from '@jiesu/core';
import { describe, expect, it } from 'vitest';
import { CALL_SAMPLES, DEFAULT_DISPATCH_CATALOGUE, defaultCategoryPaths } from '../src';

const leaves = new Set(defaultCategoryPaths().map((p) => `${p.level1}/${p.level2}/${p.level3}`));

describe('default dispatch catalogue', () => {
  it('has at least 80 valid entries, each naming a leaf of the tree', () => {
    expect(DEFAULT_DISPATCH_CATALOGUE.length).toBeGreaterThanOrEqual(80);
    const missing = DEFAULT_DISPATCH_CATALOGUE.filter((e) => !leaves.has(e.categoryPath.join('/'))).map((e) => e.id);
    expect(missing).toEqual([]);
    expect(() => validateDispatchCatalogue(DEFAULT_DISPATCH_CATALOGUE, (p) => (leaves.has(p.join('/')) ? 'x' : null))).not.toThrow();
  });

  it('gives every leaf of the tree at least one entry', () => {
    const covered = new Set(DEFAULT_DISPATCH_CATALOGUE.map((e) => e.categoryPath.join('/')));
    expect([...leaves].filter((l) => !covered.has(l))).toEqual([]);
  });

  it('has call samples for every entry, and each sample is matched back to its own entry', () => {
    const ids = new Set(DEFAULT_DISPATCH_CATALOGUE.map((e) => e.id));
    expect(CALL_SAMPLES.map((s) => s.entryId).filter((id) => !ids.has(id))).toEqual([]);
    expect([...ids].filter((id) => !CALL_SAMPLES.some((s) => s.entryId === id))).toEqual([]);
    const wrong: string[] = [];
    for (const s of CALL_SAMPLES) {
      for (const subject of s.subjects) {
        for (const detail of s.details) {
          const top = matchDispatchCatalogue(subject, detail, DEFAULT_DISPATCH_CATALOGUE)[0];
          if (top?.entry.id !== s.entryId) wrong.push(`${s.entryId}: ${subject} / ${detail} → ${top?.entry.id ?? 'none'} (${top?.matched.join(',')})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
