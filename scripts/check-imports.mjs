#!/usr/bin/env node
// Refuses import circles and upward imports, reading every source file's imports with TypeScript's
// own pre-processor (type-only imports count: a circle of types is still two modules that cannot
// be understood apart). Rules:
//   1. no circle among a package's or app's own modules (relative imports);
//   2. a repository never imports from use-cases (SQL sits below the use cases that call it).
// Run by `npm run lint`; prints each circle as a chain of files and exits 1.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SOURCE_ROOTS = ['packages/core/src', 'packages/contracts/src', 'packages/nlp/src', 'packages/reference/src', 'apps/server/src', 'apps/console/src', 'apps/portal/src'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolveRelative(from, spec) {
  const base = resolve(dirname(from), spec);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, `index${e}`))];
  if (/\.js$/.test(spec)) candidates.unshift(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const files = SOURCE_ROOTS.filter((r) => existsSync(join(root, r))).flatMap((r) => walk(join(root, r)));
const graph = new Map();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const deps = [];
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const target = resolveRelative(file, ref.fileName);
    if (target !== null) deps.push(target);
  }
  graph.set(file, deps);
}

// Tarjan's strongly connected components: every component of more than one file is a circle.
let index = 0;
const stack = [];
const meta = new Map();
const circles = [];
function strongConnect(v) {
  meta.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!meta.has(w)) {
      strongConnect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) {
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component);
  }
}
for (const v of graph.keys()) if (!meta.has(v)) strongConnect(v);

const problems = [];
for (const component of circles) {
  problems.push(
    `import circle: ${component
      .map((f) => relative(root, f))
      .sort()
      .join(' ⇄ ')}`,
  );
}
for (const [file, deps] of graph) {
  const rel = relative(root, file);
  if (!rel.startsWith('apps/server/src/repositories/')) continue;
  for (const d of deps) {
    if (relative(root, d).startsWith('apps/server/src/use-cases/')) problems.push(`repository imports a use case: ${rel} → ${relative(root, d)}`);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`check-imports: ${problems.length} problem(s) in ${graph.size} files`);
  process.exit(1);
}
console.log(`check-imports: ${graph.size} files, no import circles, no repository importing a use case`);
