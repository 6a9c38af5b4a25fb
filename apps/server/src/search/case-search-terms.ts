// What case search stores and asks, cut the same way on both sides: the words of a case (jieba, the
// same tokens as duplicate search) as a PostgreSQL tsvector literal with weights (subject A, detail
// B, address C), a phone reduced to its digits, and a query read as the things a user types — a
// whole case number, its trailing digits, a phone number, an address fragment or words.
import { textTokens } from '../intake/text-tokens';

/** Words kept per case: more than duplicate search keeps, so a long detail stays findable. */
const MAX_WORDS = 256;

/** A lexeme as tsvector/tsquery input takes it literally: quoted, quotes and backslashes doubled/escaped. */
function lexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The tsvector literal of a case (cast by PostgreSQL on insert): each word once, at its first
 * position, weighted by where it first appears. Built here rather than with to_tsvector because
 * neither PGlite nor a stock PostgreSQL has a Chinese parser.
 */
export function caseSearchVector(subject: string, detail: string, address: string): string {
  const seen = new Map<string, { pos: number; weight: 'A' | 'B' | 'C' }>();
  let pos = 0;
  const add = (text: string, weight: 'A' | 'B' | 'C') => {
    for (const w of textTokens(text, MAX_WORDS)) {
      pos += 1;
      if (!seen.has(w) && seen.size < MAX_WORDS) seen.set(w, { pos: Math.min(pos, 16383), weight });
    }
  };
  add(subject, 'A');
  add(detail, 'B');
  add(address, 'C');
  return [...seen].map(([w, p]) => `${lexeme(w)}:${p.pos}${p.weight}`).join(' ');
}

/** A phone as it is matched: digits only, a leading +86 / 0086 country code dropped. */
export function phoneDigits(phone: string | null): string | null {
  if (phone === null) return null;
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  return d.length > 0 ? d : null;
}

export interface CaseQueryTerms {
  /** The text as typed, trimmed (address fragments are matched on it). */
  text: string;
  /** A whole case number (YYYYMMDD-NNNNNN). */
  caseNumber: string | null;
  /** Trailing digits of a case number (4 or more digits typed alone). */
  caseNumberSuffix: string | null;
  /** A phone number (7 or more digits, separators allowed). */
  phone: string | null;
  /** A tsquery literal: every word of the text (AND), or null when the text has no word. */
  words: string | null;
  /** The same words as a list (to rank a match by which of them its subject holds). */
  wordList: string[];
}

const CASE_NUMBER = /^\d{8}-\d{6,}$/;

export function caseQueryTerms(q: string): CaseQueryTerms {
  const text = q.trim();
  const digitsOnly = /^[\d\s+()-]+$/.test(text) ? text.replace(/\D/g, '') : null;
  const words = textTokens(text, 16);
  return {
    text,
    caseNumber: CASE_NUMBER.test(text) ? text : null,
    caseNumberSuffix: /^\d{4,}$/.test(text) ? text : null,
    phone: digitsOnly !== null && digitsOnly.length >= 7 ? phoneDigits(text) : null,
    words: words.length > 0 ? words.map(lexeme).join(' & ') : null,
    wordList: words,
  };
}
