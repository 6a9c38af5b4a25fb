// Guards shared by use cases: role checks and "not found" errors with stable codes.
import { type Actor, DomainError, hasRole, type Role } from '@jiesu/core';

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw new DomainError('FORBIDDEN', `This action needs one of the roles: ${roles.join(', ')}.`, { roles });
  }
}
