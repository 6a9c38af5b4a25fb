// Turns a message into a bag of weighted terms (words, word pairs, character n-grams). The term
// strings double as the explanation shown to operators, so they stay human-readable.
import { normalizeText } from './normalize';
import { DEFAULT_SEGMENTER } from './segment';
import type { Segmenter, SegmenterName } from './segment';
import type { MessageText } from './types';

export interface FeatureOptions {
  segmenter: SegmenterName;
  wordUnigrams: boolean;
  /** Adjacent word pairs, e.g. "噪音 扰民": catch phrases that single words split apart. */
  wordBigrams: boolean;
  /** Character n-gram lengths over letter/digit runs; robust to segmentation mistakes. */
  charNgrams: number[];
  /** How many times a subject term counts relative to a detail term (subjects are dense). */
  subjectWeight: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  segmenter: DEFAULT_SEGMENTER,
  wordUnigrams: true,
  // Off by default: at most +0.003 macro-F1 (with Intl words) for a model five to seven times larger.
  wordBigrams: false,
  charNgrams: [],
  subjectWeight: 2,
};

// Character n-grams get a prefix so "垃圾" the word and "垃圾" the bigram stay separate features.
const CHAR_PREFIX = '~';

/** The human-readable form of a term: the words or characters it stands for. */
export function displayTerm(term: string): string {
  return term.startsWith(CHAR_PREFIX) ? term.slice(CHAR_PREFIX.length) : term;
}

/** Term → weighted count for one message. */
export function extractTerms(message: MessageText, options: FeatureOptions, segmenter: Segmenter): Map<string, number> {
  const terms = new Map<string, number>();
  const subject = message.subject ? normalizeText(message.subject) : '';
  if (subject) addText(terms, subject, options.subjectWeight, options, segmenter);
  addText(terms, normalizeText(message.detail), 1, options, segmenter);
  return terms;
}

function addText(terms: Map<string, number>, text: string, weight: number, options: FeatureOptions, segmenter: Segmenter): void {
  const add = (term: string) => terms.set(term, (terms.get(term) ?? 0) + weight);
  if (options.wordUnigrams || options.wordBigrams) {
    const words = segmenter.segment(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      if (options.wordUnigrams) add(word);
      if (options.wordBigrams && i + 1 < words.length) add(`${word} ${words[i + 1] as string}`);
    }
  }
  if (options.charNgrams.length > 0) {
    // Runs of letters/digits only: an n-gram across "，" or a space carries no meaning.
    for (const run of text.split(/[^\p{L}\p{N}]+/u)) {
      const chars = Array.from(run);
      for (const n of options.charNgrams) {
        for (let i = 0; i + n <= chars.length; i++) add(CHAR_PREFIX + chars.slice(i, i + n).join(''));
      }
    }
  }
}
