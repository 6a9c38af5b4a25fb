// Category trees (一级 › 二级 › 三级): a CSV reader for a city's own taxonomy (level1,level2,level3)
// and jiesu's own tree (category-tree.ts), used when no taxonomy file is given.
import { CATEGORY_TREE } from './category-tree';

export interface CategoryPath {
  level1: string;
  level2: string;
  level3: string;
}

/** Parses `level1,level2,level3` rows (header required; quoted fields allowed). */
export function parseCategoryCsv(text: string): CategoryPath[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  const header = splitCsvLine(lines.shift() ?? '').map((h) => h.trim().toLowerCase());
  const idx = ['level1', 'level2', 'level3'].map((h) => header.indexOf(h));
  if (idx.some((i) => i < 0)) throw new Error('category CSV needs a header with level1,level2,level3');
  return lines.map((line, n) => {
    const cells = splitCsvLine(line).map((c) => c.trim());
    const [a, b, c] = idx.map((i) => cells[i] ?? '');
    if (!a || !b || !c) throw new Error(`category CSV line ${n + 2}: all three levels are required`);
    return { level1: a, level2: b, level3: c };
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** jiesu's own tree as paths, in code order. */
export function defaultCategoryPaths(): CategoryPath[] {
  const out: CategoryPath[] = [];
  for (const [level1, l2] of Object.entries(CATEGORY_TREE)) {
    for (const [level2, l3] of Object.entries(l2)) for (const level3 of l3) out.push({ level1, level2, level3 });
  }
  return out;
}
