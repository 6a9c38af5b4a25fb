import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/index';

describe('normalizeText', () => {
  it('turns full-width ASCII into half-width and lowercases Latin letters', () => {
    expect(normalizeText('ＡＢＣ１２３！？（）')).toBe('abc123!?()');
    expect(normalizeText('A3区WiFi')).toBe('a3区wifi');
  });

  it('collapses every kind of whitespace, including the ideographic space and tabs', () => {
    expect(normalizeText('\t 小区　门口 \n\n 垃圾\r\n')).toBe('小区 门口 垃圾');
  });

  it('keeps CJK punctuation, which segmenters treat as boundaries', () => {
    expect(normalizeText('停水了。请尽快处理！')).toBe('停水了。请尽快处理!');
  });
});
