// A work item as one viewer may see it. A person owner (a building lead, a property manager) is
// often a resident: their contact is shown to the units that work with them — the supervising
// owner unit and the creating unit — and masked (138****1111) for everyone else in scope.
import { actsForUnit } from '../cases/case-permissions';
import { maskPhone } from '../cases/requester-masking';
import type { Actor } from '../org/roles';
import type { WorkItem } from './work-item-types';

export function canSeeWorkItemPersonContact(actor: Actor, item: Pick<WorkItem, 'owner' | 'creator'>): boolean {
  return actsForUnit(actor, item.owner.unit) || actsForUnit(actor, item.creator.unit);
}

export function presentWorkItemForViewer(item: WorkItem, actor: Actor): WorkItem {
  const person = item.owner.person;
  if (!person?.contact || canSeeWorkItemPersonContact(actor, item)) return item;
  return { ...item, owner: { ...item.owner, person: { ...person, contact: maskPhone(person.contact) } } };
}
