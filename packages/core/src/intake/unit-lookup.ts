// An index over the organisation for routing: units by code, and departments/enterprises by
// (parent, class, kind), so "the 水务 department of 朝阳区, else the city's" is two map reads.
import type { Unit } from '../org/unit';

export interface UnitLookup {
  readonly kind: 'unit_lookup';
  byCode(code: string): Unit | undefined;
  /** Active bodies of a class and kind directly under `parentCode`, in code order. */
  bodies(parentCode: string, unitClass: 'department' | 'enterprise', kind: string): readonly Unit[];
  /** Code of the centre (root), when the organisation has one. */
  readonly centreCode: string | null;
}

export function createUnitLookup(units: Iterable<Unit>): UnitLookup {
  const byCode = new Map<string, Unit>();
  const bodies = new Map<string, Unit[]>();
  let centreCode: string | null = null;
  for (const u of units) {
    byCode.set(u.code, u);
    if (u.class === 'centre' && centreCode === null) centreCode = u.code;
    if ((u.class === 'department' || u.class === 'enterprise') && u.isActive && u.parentCode !== null && u.kind !== null) {
      const key = bodyKey(u.parentCode, u.class, u.kind);
      const list = bodies.get(key) ?? [];
      list.push(u);
      bodies.set(key, list);
    }
  }
  for (const list of bodies.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  return {
    kind: 'unit_lookup',
    byCode: (code) => byCode.get(code),
    bodies: (parentCode, unitClass, kind) => bodies.get(bodyKey(parentCode, unitClass, kind)) ?? [],
    centreCode,
  };
}

function bodyKey(parentCode: string, unitClass: string, kind: string): string {
  return `${parentCode}\u0000${unitClass}\u0000${kind}`;
}
