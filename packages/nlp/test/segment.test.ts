import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENTER, SEGMENTER_NAMES, createSegmenter, normalizeText } from '../src/index';

describe('segmenters', () => {
  const text = normalizeText('小区门口的垃圾三天没人清理，臭气熏天！');

  it.each(SEGMENTER_NAMES)('%s finds real words and drops punctuation', (name) => {
    const words = createSegmenter(name).segment(text);
    expect(words).toContain('垃圾');
    expect(words).toContain('小区');
    expect(words.some((w) => /^[，！,!\s]+$/u.test(w))).toBe(false);
  });

  it('jieba keeps dictionary compounds that Intl.Segmenter may split', () => {
    expect(createSegmenter('jieba').segment('人行道杂草丛生')).toContain('杂草丛生');
  });

  it('jieba search mode adds the shorter words inside a long one', () => {
    const words = createSegmenter('jieba-search').segment('民生问题');
    expect(words).toEqual(expect.arrayContaining(['民生', '问题', '民生问题']));
  });

  it('reports its name and defaults to the measured better one', () => {
    expect(createSegmenter('intl').name).toBe('intl');
    expect(createSegmenter().name).toBe(DEFAULT_SEGMENTER);
  });

  it('returns nothing for text without words', () => {
    expect(createSegmenter('jieba').segment('。，！ ')).toEqual([]);
    expect(createSegmenter('intl').segment('')).toEqual([]);
  });
});
