// Login lockouts (#11): an account locks after repeated failed logins; an administrator lifts it.
import { Type } from 'typebox';
import { endpoint } from './endpoint';

export const LOCKOUT_ENDPOINTS = {
  lift: endpoint({
    method: 'DELETE',
    path: '/api/lockouts/:userId',
    summary: 'Lift a login lockout (administrators; audited)',
    tags: ['organisation'],
    params: Type.Object({ userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
    response: Type.Object({ userId: Type.String(), wasLocked: Type.Boolean() }),
  }),
};
