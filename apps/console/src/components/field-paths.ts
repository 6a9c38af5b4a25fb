// Field paths the API names in a VALIDATION_FAILED error ("body.clocks.byUrgency.general.sign",
// "body.rules[3].pattern"), matched against the inputs of a settings screen.

/** Whether an input at `path` is concerned by an error on `field` (the same, below or above it). */
export function fieldMatches(field: string | null, path: string): boolean {
  if (!field) return false;
  const norm = (p: string) => p.replace(/^body\.?/, '');
  const f = norm(field);
  const p = norm(path);
  if (f === '' || p === '') return false;
  return f === p || f.startsWith(`${p}.`) || f.startsWith(`${p}[`) || p.startsWith(`${f}.`) || p.startsWith(`${f}[`);
}

/** The index of the list row an error is about ("body.rules[3].pattern" → 3), or null. */
export function rowIndexOf(field: string | null, list: string): number | null {
  if (!field) return null;
  const m = new RegExp(`^(?:body\\.)?${list}\\[(\\d+)\\]`).exec(field);
  return m ? Number(m[1]) : null;
}
