// How a search query is read and how a case's words are stored (no database): phone digits, case
// numbers and trailing digits, and tsvector/tsquery literals that PostgreSQL takes literally even
// when a word holds a quote or a backslash.
import { describe, expect, it } from 'vitest';
import { caseQueryTerms, caseSearchVector, phoneDigits } from '../src/search/case-search-terms';

describe('case search terms', () => {
  it('reduces a phone to its digits and drops the country code', () => {
    expect(phoneDigits('139-0000 1111')).toBe('13900001111');
    expect(phoneDigits('+86 139 0000 1111')).toBe('13900001111');
    expect(phoneDigits('0086 13900001111')).toBe('13900001111');
    expect(phoneDigits('010-6512 3456')).toBe('01065123456');
    expect(phoneDigits('无')).toBeNull();
    expect(phoneDigits(null)).toBeNull();
  });

  it('reads a whole case number, trailing digits, a phone and words', () => {
    expect(caseQueryTerms(' 20261201-000123 ')).toMatchObject({ caseNumber: '20261201-000123', caseNumberSuffix: null, phone: '20261201000123' });
    expect(caseQueryTerms('000123')).toMatchObject({ caseNumber: null, caseNumberSuffix: '000123', phone: null });
    expect(caseQueryTerms('123')).toMatchObject({ caseNumberSuffix: null, phone: null });
    expect(caseQueryTerms('139 0000 1111')).toMatchObject({ phone: '13900001111', caseNumberSuffix: null });
    expect(caseQueryTerms('13900001111')).toMatchObject({ phone: '13900001111', caseNumberSuffix: '13900001111' });
    const words = caseQueryTerms('楼上噪音扰民').words;
    expect(words).toContain("'噪音'");
    expect(words?.split(' & ').length).toBeGreaterThanOrEqual(2);
  });

  it('writes well-formed lexemes, weights subject over detail over address, and keeps each word once', () => {
    const v = caseSearchVector("O'Brien 噪音", '噪音 很大', '花家地西里');
    // Normalised words only: no quote or backslash is left to break the literal.
    for (const lexeme of v.split(' ')) expect(lexeme).toMatch(/^'[^'\\]+':\d+[ABC]$/);
    expect(v).toContain("'brien':1A");
    expect(v).toMatch(/'噪音':\d+A/);
    expect(v.match(/'噪音'/g)?.length).toBe(1);
    expect(v).toMatch(/:\d+C/);
    for (const lexeme of caseQueryTerms("a\\b' 路灯").words?.split(' & ') ?? []) expect(lexeme).toMatch(/^'[^'\\]+'$/);
  });
});
