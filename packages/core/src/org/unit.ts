// The organisation: a tree of units (city centre › district › street/township › community, with
// sections under streets) and, beside it, departments (委办局) and public-service enterprises
// attached to the centre or a district. A unit's `path` lists its ancestors' codes, so "is X in
// Y's subtree" is a prefix test, in code and in SQL (`path LIKE prefix || '%'`).

export const UNIT_CLASSES = ['centre', 'district', 'street', 'community', 'section', 'department', 'enterprise'] as const;
export type UnitClass = (typeof UNIT_CLASSES)[number];

/** The classes that rankings compare with each other (like with like). */
export const RANKED_UNIT_CLASSES = ['district', 'street', 'department', 'enterprise'] as const satisfies readonly UnitClass[];

export interface Unit {
  /** Official division code for divisions (e.g. 110105001), a generated code for the others. */
  code: string;
  name: string;
  class: UnitClass;
  parentCode: string | null;
  /** '/' + ancestor codes + own code + '/', e.g. '/110000/110105/110105001/'. */
  path: string;
  /** Sub-kind within a class: '街道' | '乡镇' | '地区' for streets, '社区' | '村' for communities, '水' | '电' … for enterprises. */
  kind: string | null;
  isActive: boolean;
}

export function childPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? '/'}${code}/`;
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isInSubtree(ancestorPath: string, path: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Codes on the path from the root down to the unit itself. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}
