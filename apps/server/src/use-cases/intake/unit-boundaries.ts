// Optional unit boundaries for point-in-polygon location (none ship with jiesu): administrators
// upload a GeoJSON FeatureCollection of Polygon/MultiPolygon features whose properties name the
// unit (unitCode, optional level); they are validated by the core, stored and used at once.
import { type Actor, DomainError, type LngLat, type PlaceLevel, prepareBoundaries, type UnitBoundary } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { BoundaryRow } from '../../repositories/intake.repository';
import { requireRole } from '../require';

export interface BoundaryFeature {
  properties: { unitCode: string; level?: PlaceLevel };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
}

function ringsOf(f: BoundaryFeature, field: string): LngLat[][] {
  const c = f.geometry.coordinates;
  const polygons = (f.geometry.type === 'Polygon' ? [c] : c) as unknown[];
  const rings: LngLat[][] = [];
  polygons.forEach((polygon, p) => {
    if (!Array.isArray(polygon))
      throw new DomainError('VALIDATION_FAILED', `${field}.geometry.coordinates[${p}] must be a list of rings.`, { field: `${field}.geometry.coordinates` });
    for (const ring of polygon) rings.push(ring as LngLat[]);
  });
  return rings;
}

export async function uploadBoundaries(ctx: AppContext, opts: { actor: Actor; features: BoundaryFeature[]; source?: string }) {
  requireRole(opts.actor, 'administrator');
  const boundaries: UnitBoundary[] = opts.features.map((f, i) => ({
    unitCode: f.properties.unitCode,
    polygons: ringsOf(f, `body.features[${i}]`),
    ...(f.properties.level ? { level: f.properties.level } : {}),
  }));
  let prepared;
  try {
    prepared = prepareBoundaries(boundaries);
  } catch (e) {
    // The core names 'boundaries[i]…'; the upload calls them features.
    if (e instanceof DomainError && typeof e.details?.field === 'string') {
      const field = e.details.field
        .replace(/^boundaries\[(\d+)\]\.polygons/, 'body.features[$1].geometry.coordinates')
        .replace(/^boundaries\[(\d+)\]/, 'body.features[$1].properties');
      throw new DomainError('VALIDATION_FAILED', e.message.replace(/^[^:]+:/, `${field}:`), { ...e.details, field });
    }
    throw e;
  }
  const ref = await ctx.intake.reference();
  prepared.boundaries.forEach((b, i) => {
    const unit = ref.lookup.byCode(b.unitCode);
    if (unit === undefined || unit.class !== b.level) {
      throw new DomainError('VALIDATION_FAILED', `body.features[${i}].properties.unitCode: "${b.unitCode}" is not a ${b.level} of the organisation.`, {
        field: `body.features[${i}].properties.unitCode`,
      });
    }
  });
  const rows: BoundaryRow[] = prepared.boundaries.map((b) => ({
    unitCode: b.unitCode,
    level: b.level,
    polygons: b.rings as Array<Array<[number, number]>>,
    source: opts.source ?? null,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.intake.upsertBoundaries(rows, opts.actor.username, trx);
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'intake.boundaries.upload', targetType: 'unit_boundaries', targetId: '*', data: { units: rows.map((r) => r.unitCode), source: opts.source ?? null } },
      trx,
    );
  });
  ctx.intake.reloadReference();
  return { stored: rows.length };
}

export async function listBoundaries(ctx: AppContext, opts: { actor: Actor }) {
  requireRole(opts.actor, 'administrator', 'operator', 'dispatcher');
  const rows = await ctx.repos.intake.listBoundaries();
  return { items: rows.map((r) => ({ unitCode: r.unitCode, level: r.level, rings: r.polygons.length, source: r.source })) };
}

export async function removeBoundary(ctx: AppContext, opts: { actor: Actor; unitCode: string }): Promise<void> {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await ctx.repos.intake.deleteBoundary(opts.unitCode, trx))) throw new DomainError('NOT_FOUND', `No boundary is stored for ${opts.unitCode}.`, { field: 'unitCode' });
    await ctx.repos.audit.record(opts.actor, { action: 'intake.boundaries.remove', targetType: 'unit_boundaries', targetId: opts.unitCode }, trx);
  });
  ctx.intake.reloadReference();
}
