import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabelledFile, stratifiedSplit } from '../src/index';
import { FIXTURES } from './fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiesu-nlp-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readLabelledFile', () => {
  it('reads CSV with quoted commas, newlines and escaped quotes, skipping unlabelled rows', async () => {
    const path = join(dir, 'history.csv');
    await writeFile(
      path,
      '\uFEFFid,subject,detail,label\r\n' +
        '1,路灯不亮,"小区路灯坏了，晚上很黑,请维修",城乡建设\r\n' +
        '2,,"第一行\n第二行 说""太吵了""",环境保护\r\n' +
        '3,没有标签,这一行没有标签,\r\n' +
        '\r\n' +
        '4,公交,公交车太少,交通运输\r\n',
    );
    const { examples, skipped } = await readLabelledFile(path);
    expect(skipped).toBe(1);
    expect(examples).toEqual([
      { subject: '路灯不亮', detail: '小区路灯坏了，晚上很黑,请维修', label: '城乡建设' },
      { subject: null, detail: '第一行\n第二行 说"太吵了"', label: '环境保护' },
      { subject: '公交', detail: '公交车太少', label: '交通运输' },
    ]);
  });

  it('accepts the Chinese column names of common exports', async () => {
    const path = join(dir, 'zh.csv');
    await writeFile(path, '留言主题,留言详情,一级标签\n停水,三天停水,城乡建设\n');
    expect((await readLabelledFile(path)).examples).toEqual([{ subject: '停水', detail: '三天停水', label: '城乡建设' }]);
  });

  it('refuses a CSV without detail and label columns', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, 'title,body\na,b\n');
    await expect(readLabelledFile(path)).rejects.toThrow(/detail and a label/);
  });

  it('reads JSONL with null subjects and extra fields, skipping rows without a label', async () => {
    const path = join(dir, 'history.jsonl');
    const lines = [
      { key: 'k1', subject: null, detail: ' 噪音\t扰民 ', label: '环境保护' },
      { subject: '缺标签', detail: '没有标签' },
      { subject: '空标签', detail: '标签为空', label: '' },
      { subject: '学校', detail: '学校乱收费', label: '教育文体', time: '2019-01-01' },
    ];
    await writeFile(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n\n');
    const { examples, skipped } = await readLabelledFile(path);
    expect(skipped).toBe(2);
    expect(examples).toEqual([
      { subject: null, detail: ' 噪音\t扰民 ', label: '环境保护' },
      { subject: '学校', detail: '学校乱收费', label: '教育文体' },
    ]);
  });

  it('names the line of broken JSON', async () => {
    const path = join(dir, 'broken.jsonl');
    await writeFile(path, '{"detail":"a","label":"b"}\n{oops\n');
    await expect(readLabelledFile(path)).rejects.toThrow(/Line 2/);
  });
});

describe('stratifiedSplit', () => {
  it('keeps each label’s share in the test set and reproduces from the seed', () => {
    const { train, test } = stratifiedSplit(FIXTURES, { testShare: 0.2, seed: 1 });
    expect(train.length + test.length).toBe(FIXTURES.length);
    for (const label of new Set(FIXTURES.map((e) => e.label))) {
      expect(test.filter((e) => e.label === label)).toHaveLength(2);
    }
    expect(stratifiedSplit(FIXTURES, { testShare: 0.2, seed: 1 })).toEqual({ train, test });
    expect(stratifiedSplit(FIXTURES, { testShare: 0.2, seed: 2 }).test).not.toEqual(test);
    expect(() => stratifiedSplit(FIXTURES, { testShare: 1, seed: 1 })).toThrow(/testShare/);
  });
});
