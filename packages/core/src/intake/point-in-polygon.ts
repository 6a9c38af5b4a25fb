// Coordinates → the unit whose boundary contains them, for intake from apps and maps. Boundaries
// are administrator-loaded data (none ship with jiesu); this is plain ray casting with a
// bounding-box prefilter, so it needs no geometry library.
import { bi, explained, type Explained, PLACE_LEVEL_ZH } from './explanation';
import { invalidRule, requireNonEmptyString, requireOneOf } from './rule-validation';
import { PLACE_LEVELS, type PlaceLevel } from './place-name-forms';

export type LngLat = readonly [lng: number, lat: number];

export interface UnitBoundary {
  unitCode: string;
  /**
   * Rings of [lng, lat] points (closing point optional). Read with the even-odd rule over all
   * rings together, so both a multi-part area (several outer rings) and a GeoJSON polygon with
   * holes (outer ring, then hole rings) work without saying which is which.
   */
  polygons: ReadonlyArray<ReadonlyArray<LngLat>>;
  /** Defaults from a division code's length: 6 digits district, 9 street, 12 community. */
  level?: PlaceLevel;
}

interface PreparedBoundary {
  unitCode: string;
  level: PlaceLevel;
  rings: ReadonlyArray<ReadonlyArray<LngLat>>;
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

/** Boundaries validated once, with their bounding boxes; pass it to locateByCoordinates repeatedly. */
export interface BoundaryIndex {
  readonly kind: 'boundary_index';
  readonly boundaries: readonly PreparedBoundary[];
}

export interface CoordinateLocation extends Explained {
  /** The most specific unit containing the point, or null. */
  unitCode: string | null;
  level: PlaceLevel | 'none';
  districtCode?: string;
  streetCode?: string;
  communityCode?: string;
  /** Every boundary containing the point, most specific first. */
  containing: Array<{ unitCode: string; level: PlaceLevel }>;
}

const DEPTH: Record<PlaceLevel, number> = { district: 1, street: 2, community: 3 };

export function prepareBoundaries(boundaries: readonly UnitBoundary[]): BoundaryIndex {
  const prepared = boundaries.map((b, i) => prepareOne(b, `boundaries[${i}]`));
  return { kind: 'boundary_index', boundaries: prepared };
}

export function locateByCoordinates(point: LngLat | { lng: number; lat: number }, boundaries: readonly UnitBoundary[] | BoundaryIndex): CoordinateLocation {
  const [lng, lat] = 'lng' in point ? [point.lng, point.lat] : point;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    throw invalidRule('point', 'must be a longitude in −180..180 and a latitude in −90..90.', point);
  }
  const index = isIndex(boundaries) ? boundaries : prepareBoundaries(boundaries);
  const hits = index.boundaries
    .filter((b) => lng >= b.minLng && lng <= b.maxLng && lat >= b.minLat && lat <= b.maxLat)
    .filter((b) => isInsideRings(lng, lat, b.rings))
    // Most specific first; within a level (overlapping data) the smaller area is the likelier one.
    .sort((a, b) => DEPTH[b.level] - DEPTH[a.level] || boxArea(a) - boxArea(b) || a.unitCode.localeCompare(b.unitCode));

  const containing = hits.map((b) => ({ unitCode: b.unitCode, level: b.level }));
  const top = hits[0];
  if (top === undefined) {
    return {
      unitCode: null,
      level: 'none',
      containing,
      ...explained(
        bi(
          `No loaded boundary contains (${lng}, ${lat}); ${index.boundaries.length} boundaries were checked.`,
          `已加载的边界中没有一个包含坐标 (${lng}, ${lat})；共检查了 ${index.boundaries.length} 个边界。`,
        ),
      ),
    };
  }
  const out: CoordinateLocation = { unitCode: top.unitCode, level: top.level, containing, explanation: '', explanationZh: '' };
  for (const level of PLACE_LEVELS) {
    const first = hits.find((h) => h.level === level);
    if (first === undefined) continue;
    if (level === 'district') out.districtCode = first.unitCode;
    if (level === 'street') out.streetCode = first.unitCode;
    if (level === 'community') out.communityCode = first.unitCode;
  }
  const sameLevel = hits.filter((h) => h.level === top.level);
  const overlap = sameLevel.length > 1;
  Object.assign(
    out,
    explained(
      bi(
        `(${lng}, ${lat}) lies inside ${containing.map((c) => `${c.unitCode} (${c.level})`).join(', ')}; the most specific, ${top.unitCode}, is suggested.` +
          (overlap ? ` Boundaries of ${sameLevel.length} ${top.level} units overlap here; the smallest was chosen — check the boundary data.` : ''),
        `坐标 (${lng}, ${lat}) 位于 ${containing.map((c) => `${c.unitCode}（${PLACE_LEVEL_ZH[c.level]}）`).join('、')} 之内；建议其中最具体的 ${top.unitCode}。` +
          (overlap ? `此处有 ${sameLevel.length} 个${PLACE_LEVEL_ZH[top.level]}级单位的边界重叠，已选面积最小的一个——请检查边界数据。` : ''),
      ),
    ),
  );
  return out;
}

/** Even-odd ray casting: count crossings of a ray going east from the point, over every ring. */
export function isInsideRings(lng: number, lat: number, rings: ReadonlyArray<ReadonlyArray<LngLat>>): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a === undefined || b === undefined) continue;
      const [xi, yi] = a;
      const [xj, yj] = b;
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function prepareOne(b: UnitBoundary, field: string): PreparedBoundary {
  const unitCode = requireNonEmptyString(b.unitCode, `${field}.unitCode`);
  const level = b.level === undefined ? levelFromCode(unitCode, field) : requireOneOf(b.level, PLACE_LEVELS, `${field}.level`);
  if (!Array.isArray(b.polygons) || b.polygons.length === 0) throw invalidRule(`${field}.polygons`, 'needs at least one ring.', b.polygons);
  let minLng = Infinity;
  let maxLng = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  b.polygons.forEach((ring, r) => {
    if (!Array.isArray(ring) || ring.length < 3) throw invalidRule(`${field}.polygons[${r}]`, 'a ring needs at least three points.', ring);
    ring.forEach((p, k) => {
      const [x, y] = Array.isArray(p) ? p : [NaN, NaN];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        throw invalidRule(`${field}.polygons[${r}][${k}]`, 'must be a [lng, lat] pair of numbers.', p);
      }
      minLng = Math.min(minLng, x);
      maxLng = Math.max(maxLng, x);
      minLat = Math.min(minLat, y);
      maxLat = Math.max(maxLat, y);
    });
  });
  return { unitCode, level, rings: b.polygons, minLng, maxLng, minLat, maxLat };
}

function levelFromCode(code: string, field: string): PlaceLevel {
  if (/^\d{6}$/.test(code)) return 'district';
  if (/^\d{9}$/.test(code)) return 'street';
  if (/^\d{12}$/.test(code)) return 'community';
  throw invalidRule(`${field}.level`, `is needed: "${code}" is not a 6-, 9- or 12-digit division code.`, code);
}

function boxArea(b: PreparedBoundary): number {
  return (b.maxLng - b.minLng) * (b.maxLat - b.minLat);
}

function isIndex(x: readonly UnitBoundary[] | BoundaryIndex): x is BoundaryIndex {
  return !Array.isArray(x) && (x as BoundaryIndex).kind === 'boundary_index';
}
