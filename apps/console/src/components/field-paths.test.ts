import { describe, expect, it } from 'vitest';
import { fieldMatches, rowIndexOf } from './field-paths';

describe('field paths from the API', () => {
  it('marks the input named, those under a named parent, and the parent of a named child', () => {
    expect(fieldMatches('body.clocks.byUrgency.general.sign.amount', 'body.clocks.byUrgency.general.sign')).toBe(true);
    expect(fieldMatches('body.clocks.byUrgency.general', 'body.clocks.byUrgency.general.sign')).toBe(true);
    expect(fieldMatches('body.clocks.byUrgency.general', 'body.clocks.byUrgency.emergency.sign')).toBe(false);
    expect(fieldMatches('body.clocks.byUrgency.general', 'body.clocks.byUrgency.generalX')).toBe(false);
    expect(fieldMatches('body.rules[3].pattern', 'body.rules[3]')).toBe(true);
    expect(fieldMatches('body.rules[3].pattern', 'body.rules[13].pattern')).toBe(false);
    expect(fieldMatches('body', 'body.maxExtensions')).toBe(false);
    expect(fieldMatches(null, 'body.maxExtensions')).toBe(false);
  });
  it('finds the row of a list error', () => {
    expect(rowIndexOf('body.rules[12].target.unitCode', 'rules')).toBe(12);
    expect(rowIndexOf('body.rules', 'rules')).toBeNull();
    expect(rowIndexOf(null, 'rules')).toBeNull();
  });
});
