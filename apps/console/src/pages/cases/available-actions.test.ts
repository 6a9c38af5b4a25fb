import { describe, expect, it } from 'vitest';
import { availableActions } from './available-actions';

const unit = (code: string) => ({ code, name: code, path: `/110000/${code}/`, class: 'street' as const });
const assignment = (code: string, role: 'lead' | 'co', state: 'pending' | 'signed') => ({
  id: `1:${code}`, dispatchNo: 1, unit: unit(code), role, source: 'dispatch' as const, isSupervised: false, isBinding: false, mustSign: false, state, assignedAt: '', signedAt: null, endedAt: null,
});
const base = { kind: 'complaint' as const, assignments: [assignment('110105026', 'lead', 'pending')], extensions: [], whistles: [] };

describe('availableActions', () => {
  it('offers the lead street sign and return on a dispatched case, nothing to others', () => {
    expect(availableActions({ ...base, status: 'dispatched' }, { unitCode: '110105026', unitClass: 'street', roles: ['handler'] })).toEqual(['sign', 'return']);
    expect(availableActions({ ...base, status: 'dispatched' }, { unitCode: '110105001', unitClass: 'street', roles: ['handler'] })).toEqual([]);
  });

  it('offers the centre close and send back on feedback; return visits go through the visit queue, not a case button', () => {
    expect(availableActions({ ...base, status: 'feedback' }, { unitCode: '110000', unitClass: 'centre', roles: ['dispatcher'] })).toEqual(['close', 'send_back']);
    expect(availableActions({ ...base, status: 'closed' }, { unitCode: '110000', unitClass: 'centre', roles: ['visitor'] })).toEqual([]);
  });

  it('offers a street handler contact, feedback and whistle while handling', () => {
    const a = availableActions({ ...base, assignments: [assignment('110105026', 'lead', 'signed')], status: 'handling' }, { unitCode: '110105026', unitClass: 'street', roles: ['handler'] });
    expect(a).toEqual(expect.arrayContaining(['contact', 'submit_feedback', 'whistle', 'request_extension']));
  });
});
