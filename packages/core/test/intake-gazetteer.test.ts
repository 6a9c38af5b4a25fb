import { describe, expect, it } from 'vitest';
import { buildGazetteer, DomainError, resolveLocation } from '../src';
import { dongshan, dsHekou, dsTaoyuan, dsTaoyuanXili, dsXingfu, divisionsFixture, xishan, xsDongshanmen, xsTaoyuan, xsXingfu } from './intake-fixtures';

const gazetteer = buildGazetteer(divisionsFixture, [{ alias: '阳光花园', unitCode: dsTaoyuan.code, kind: 'estate' }]);
const resolve = (text: string) => resolveLocation(text, gazetteer);

describe('buildGazetteer', () => {
  it('indexes districts, streets and communities, leaving out other classes and inactive units', () => {
    expect([...gazetteer.places.keys()].sort()).toEqual(
      [dongshan, xishan, dsTaoyuan, dsHekou, xsTaoyuan, xsDongshanmen, dsXingfu, dsTaoyuanXili, xsXingfu, '990101002201', '990102001002']
        .map((u) => (typeof u === 'string' ? u : u.code))
        .sort(),
    );
    expect(gazetteer.places.get(xsXingfu.code)).toMatchObject({ level: 'community', districtCode: xishan.code, streetCode: xsTaoyuan.code });
    expect(resolve('西山区旧城社区').communityCode).toBeUndefined();
  });

  it('rejects an alias for a unit it does not know, naming the field', () => {
    const build = () => buildGazetteer(divisionsFixture, [{ alias: '某小区', unitCode: 'nope', kind: 'estate' }]);
    expect(build).toThrow(DomainError);
    expect(build).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: expect.objectContaining({ field: 'aliases[0].unitCode' }) }));
  });

  it('rejects an alias of an unknown kind or under two characters', () => {
    expect(() => buildGazetteer(divisionsFixture, [{ alias: '某小区', unitCode: dsTaoyuan.code, kind: 'bridge' as never }])).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'aliases[0].kind' }) }),
    );
    expect(() => buildGazetteer(divisionsFixture, [{ alias: '某', unitCode: dsTaoyuan.code, kind: 'estate' }])).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'aliases[0].alias' }) }),
    );
  });
});

describe('resolveLocation: names that repeat across districts', () => {
  it('uses the district named elsewhere in the text to pick the street', () => {
    const r = resolve('东山区桃园街道8号');
    expect(r).toMatchObject({ level: 'street', districtCode: dongshan.code, streetCode: dsTaoyuan.code });
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('returns no guess, and both readings as alternatives, when nothing tells them apart', () => {
    const r = resolve('桃园街道8号');
    expect(r.level).toBe('none');
    expect(r.confidence).toBe(0);
    expect(r.alternatives.map((a) => a.streetCode).sort()).toEqual([dsTaoyuan.code, xsTaoyuan.code].sort());
    expect(r.explanation).toContain('ask the resident');
    expect(r.explanationZh).toContain('请向诉求人确认所在的区或街道');
  });

  it('finds a repeated community through its district and fills in the street from the tree', () => {
    const r = resolve('西山区幸福社区3号楼');
    expect(r).toMatchObject({ level: 'community', districtCode: xishan.code, streetCode: xsTaoyuan.code, communityCode: xsXingfu.code });
    expect(r.explanation).toContain('street follows from the tree');
    expect(r.explanationZh).toBe(
      '地址解析为 西山区 › 桃园街道 › 幸福社区（社区级）。匹配：「西山区」= 西山区（区，全称）；「幸福社区」= 幸福社区（社区，全称）。街道由行政区划层级推出。次优解读：东山区 › 桃园街道 › 幸福社区。',
    );
  });

  it('backs off to the shared district when two streets tie inside it', () => {
    const g = buildGazetteer(divisionsFixture, [
      { alias: '大花园', unitCode: dsTaoyuan.code, kind: 'estate' },
      { alias: '大花园', unitCode: dsHekou.code, kind: 'estate' },
    ]);
    const r = resolveLocation('大花园2号楼', g);
    expect(r).toMatchObject({ level: 'district', districtCode: dongshan.code });
    expect(r.streetCode).toBeUndefined();
    expect(r.alternatives).toHaveLength(2);
  });
});

describe('resolveLocation: short forms and variants', () => {
  it('reads a district short form', () => {
    expect(resolve('东山')).toMatchObject({ level: 'district', districtCode: dongshan.code });
  });

  it('prefers the longer name when a short form sits inside it (东山门街道 is not 东山区)', () => {
    const r = resolve('东山门街道3号');
    expect(r).toMatchObject({ level: 'street', districtCode: xishan.code, streetCode: xsDongshanmen.code });
    expect(r.matched.map((m) => m.text)).toEqual(['东山门街道']);
  });

  it('treats 镇, 乡 and 地区 as one township, with or without the suffix', () => {
    for (const text of ['河口镇', '河口乡', '河口地区', '东山区河口']) {
      expect(resolve(text).streetCode, text).toBe(dsHekou.code);
    }
    expect(resolve('东山区桃园街道办事处').matched[1]).toMatchObject({ text: '桃园街道办事处', kind: 'name_variant' });
  });

  it('reads a community without 社区, and a village in full', () => {
    expect(resolve('东山区桃园西里5号').communityCode).toBe(dsTaoyuanXili.code);
    expect(resolve('东山区河口镇大王庄村').communityCode).toBe('990101002201');
  });

  it('ignores the city prefix, spaces and full-width characters', () => {
    expect(resolve('北京市 东山区　桃园街道 ８号')).toMatchObject({ districtCode: dongshan.code, streetCode: dsTaoyuan.code });
  });

  it('treats a bare two-character community stem as a word unless the address backs it', () => {
    expect(resolve('生活很幸福').level).toBe('none');
    expect(resolve('西山区桃园幸福里')).toMatchObject({ level: 'community', communityCode: xsXingfu.code });
  });

  it('uses administrator aliases and says so', () => {
    const r = resolve('阳光花园5号楼');
    expect(r).toMatchObject({ level: 'street', streetCode: dsTaoyuan.code, districtCode: dongshan.code });
    expect(r.matched).toEqual([expect.objectContaining({ text: '阳光花园', kind: 'estate', unitCode: dsTaoyuan.code })]);
  });
});

describe('resolveLocation: consistency between levels', () => {
  it('reads a name said twice as one place, not as a community of the same name', () => {
    const heping = { ...dsHekou, code: '990101003', name: '和平街道', kind: '街道' };
    const child = (code: string, name: string) => ({ ...dsXingfu, code, name, parentCode: heping.code, path: `${dongshan.path}${heping.code}/${code}/` });
    const g = buildGazetteer([...divisionsFixture, { ...heping, path: `${dongshan.path}${heping.code}/` }, child('990101003001', '和平社区'), child('990101003002', '七区社区')]);
    expect(resolveLocation('和平街道和平七区5号楼', g).communityCode).toBe('990101003002');
  });

  it('keeps the district the text names over a community of another district, lists the other, and is less sure', () => {
    const r = resolve('西山区桃园西里');
    expect(r).toMatchObject({ level: 'district', districtCode: xishan.code });
    expect(r.alternatives[0]).toMatchObject({ communityCode: dsTaoyuanXili.code });
    expect(r.confidence).toBeLessThan(0.95 * 0.75 + 1e-9);
    expect(r.explanation).toContain("'桃园西里'");
  });

  it('says nothing was recognised for text with no place in it', () => {
    expect(resolve('')).toMatchObject({ level: 'none', confidence: 0, matched: [], alternatives: [] });
    expect(resolve('楼道灯坏了').explanation).toContain('No district');
    expect(resolve('楼道灯坏了').explanationZh).toContain('没有识别出任何区、街道');
  });
});
