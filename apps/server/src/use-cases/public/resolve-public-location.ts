// Where a public submission is: the address text resolved to district › street › community with
// the intake location resolver (packages/core/src/intake). A resident has no operator to confirm a
// guess, so codes are kept only when the resolver is sure; otherwise they stay null and the
// centre's dispatcher places the case, as with any unresolved intake.
import { buildGazetteer, type CaseLocation, type Gazetteer, resolveLocation } from '@jiesu/core';
import type { AppContext } from '../../context';

/** Below this the codes are left for the dispatcher. */
export const PUBLIC_LOCATION_MIN_CONFIDENCE = 0.8;

const gazetteers = new WeakMap<object, Promise<Gazetteer>>();

async function gazetteerFor(ctx: AppContext): Promise<Gazetteer> {
  let g = gazetteers.get(ctx.repos);
  if (!g) {
    g = ctx.repos.units.list({ scopePath: '/', limit: 100_000, offset: 0 }).then((r) => buildGazetteer(r.items));
    gazetteers.set(ctx.repos, g);
    g.catch(() => gazetteers.delete(ctx.repos));
  }
  return g;
}

export async function resolvePublicLocation(ctx: AppContext, address: string, coordinates: { lat: number; lng: number } | null): Promise<CaseLocation> {
  const r = resolveLocation(address, await gazetteerFor(ctx));
  const sure = r.level !== 'none' && r.confidence >= PUBLIC_LOCATION_MIN_CONFIDENCE;
  return {
    address,
    coordinates,
    districtCode: sure ? (r.districtCode ?? null) : null,
    streetCode: sure ? (r.streetCode ?? null) : null,
    communityCode: sure ? (r.communityCode ?? null) : null,
  };
}
