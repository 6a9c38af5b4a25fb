// Who may run a community's deliberation: community staff — a handler or leader of the community
// itself or of its street. Anyone whose unit's subtree holds the community may read. Residents
// act only through the portal (proposals, support), never with a console account.
import { DomainError } from '../errors';
import { type Actor, hasRole } from '../org/roles';
import { isInSubtree } from '../org/unit';

export interface CommunityRef {
  code: string;
  path: string;
  class: string;
}

export function canReadCommunity(actor: Actor, community: CommunityRef): boolean {
  return isInSubtree(actor.unitPath, community.path);
}

export function canRunDeliberation(actor: Actor, community: CommunityRef): boolean {
  if (community.class !== 'community') return false;
  if (!hasRole(actor, 'handler', 'unit_leader')) return false;
  if (actor.unitClass !== 'community' && actor.unitClass !== 'street') return false;
  return isInSubtree(actor.unitPath, community.path);
}

export function assertCanReadCommunity(actor: Actor, community: CommunityRef): void {
  if (!canReadCommunity(actor, community)) {
    throw new DomainError('OUT_OF_SCOPE', `This community (${community.code}) is outside your unit's area (${actor.unitCode}).`, { unitCode: community.code });
  }
}

export function assertCanRunDeliberation(actor: Actor, community: CommunityRef): void {
  assertCanReadCommunity(actor, community);
  if (!canRunDeliberation(actor, community)) {
    throw new DomainError('FORBIDDEN', 'Meetings, proposals and building leads are run by community staff: a handler or leader of the community or its street.', {
      roles: ['handler', 'unit_leader'],
      unitClasses: ['community', 'street'],
    });
  }
}
