// Word tokens for similarity: jieba (search mode) over normalised text, without punctuation,
// single characters and filler words, deduplicated. Used for a case's stored tokens (duplicate
// search) and for knowledge-base articles and queries, so both sides are cut the same way.
import { createSegmenter, normalizeText } from '@jiesu/nlp';

const segmenter = createSegmenter('jieba-search');

/** Words that occur in almost every request and say nothing about its subject. */
const STOPWORDS = new Set(
  (
    '我们 你们 他们 她们 它们 我家 自己 一个 一些 这个 那个 这些 那些 这里 那里 哪里 什么 怎么 怎么办 如何 为什么 是否 ' +
    '可以 能否 能不能 没有 已经 还是 就是 不是 但是 而且 并且 因为 所以 如果 虽然 或者 以及 然后 现在 目前 时候 ' +
    '非常 特别 一直 经常 多次 反映 希望 请求 要求 相关 部门 给予 帮助 解决 处理 情况 问题 请问 咨询 市民 来电 您好 ' +
    '谢谢 感谢 一下 一般 需要 应该 导致 造成 进行 出现 存在 发现 表示 认为 知道 告知 回复 尽快 有关'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]/u;

export function textTokens(text: string, max = 64): string[] {
  const out = new Set<string>();
  for (const w of segmenter.segment(normalizeText(text))) {
    if (w.length < 2 || !WORD.test(w) || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.add(w);
    if (out.size >= max) break;
  }
  return [...out];
}

/** Tokens of a request: subject and detail together (the subject first, so it survives the cap). */
export function caseTokens(subject: string, detail: string): string[] {
  return textTokens(`${subject} ${detail}`);
}

/** Token-set similarity for duplicate search: the one text-grouping module's (packages/core text-groups). */
export { jaccard } from '@jiesu/core';
