import { describe, expect, it } from 'vitest';
import { readSuggestions, type RawSuggestions, whyOf } from './read-suggestions';

const raw: Partial<RawSuggestions> = {
  urgency: {
    urgency: 'emergency',
    rule: { id: 'collapse', matched: '塌陷' },
    confidence: 0.85,
    matches: [{ id: 'collapse', urgency: 'emergency', matched: '塌陷' }],
    explanation: "Rule 'collapse' matched '塌陷', so emergency is suggested (Ground, road or building collapse.).",
    explanationZh: '关键词「塌陷」命中规则 collapse（地面、道路或建筑塌陷），建议为紧急。',
  },
  location: {
    source: 'address',
    level: 'street',
    district: { code: '110105', name: '朝阳区' },
    street: { code: '110105026', name: '望京街道' },
    community: null,
    confidence: 0.9,
    matched: [],
    alternatives: [],
    explanation: 'Resolved to 朝阳区 › 望京街道 (street).',
    explanationZh: '地址解析为 朝阳区 › 望京街道（街道级）。',
  },
  leadUnit: {
    categoryCode: '01',
    lead: { code: '110105026', name: '望京街道' },
    coHandlers: [],
    rule: null,
    basis: 'rule',
    confidence: 0.8,
    explanation: 'Category 01 as given.',
    explanationZh: '',
  },
};

describe('category and lead', () => {
  it('offers the catalogue category first and the lead with its co-handlers', () => {
    const set = readSuggestions(
      {
        ...raw,
        category: {
          available: false,
          labels: [],
          drivers: [],
          mappedCategoryCodes: [],
          model: null,
          categoryCode: '010202',
          categoryName: '燃气泄漏',
          decidedBy: 'catalogue',
          catalogue: [{ entryId: 'gas-leak', categoryPath: ['城乡建设', '燃气供应', '燃气泄漏'], categoryCode: '010202', score: 6, matched: ['煤气味'] }],
          explanation: "Dispatch catalogue entry 'gas-leak' matched '煤气味'.",
          explanationZh: '派单目录条目「gas-leak」命中「煤气味」。',
        },
        leadUnit: {
          ...(raw.leadUnit as NonNullable<RawSuggestions['leadUnit']>),
          lead: { code: 'E110000-GAS', name: '北京市燃气集团' },
          coHandlers: [{ code: '110105026', name: '望京街道' }],
        },
      },
      'zh',
    );
    expect(set.categories).toEqual([{ value: '010202', label: '燃气泄漏', confidence: null, why: '派单目录条目「gas-leak」命中「煤气味」。' }]);
    expect(set.leads[0]?.value).toBe('E110000-GAS');
    expect(set.leads[0]?.coHandlers).toEqual([{ code: '110105026', name: '望京街道' }]);
  });
  it('offers nothing new when the operator already chose the category', () => {
    const set = readSuggestions(
      {
        category: {
          available: false,
          labels: [],
          drivers: [],
          mappedCategoryCodes: [],
          model: null,
          categoryCode: '010202',
          categoryName: '燃气泄漏',
          decidedBy: 'operator',
          catalogue: [],
          explanation: '',
          explanationZh: '',
        },
      },
      'en',
    );
    expect(set.categories).toEqual([]);
  });
});

describe('suggestion reasons follow the console language', () => {
  it('shows the Chinese reason in zh and the English one in en', () => {
    const zh = readSuggestions(raw, 'zh');
    expect(zh.urgency?.why).toContain('建议为紧急');
    expect(zh.location?.why).toBe('地址解析为 朝阳区 › 望京街道（街道级）。');
    const en = readSuggestions(raw, 'en');
    expect(en.urgency?.why).toContain("Rule 'collapse'");
    expect(en.location?.why).toBe('Resolved to 朝阳区 › 望京街道 (street).');
  });
  it('falls back to English when no Chinese reason was sent', () => {
    expect(readSuggestions(raw, 'zh').leads[0]?.why).toBe('Category 01 as given.');
    expect(whyOf({ explanation: 'Only English.' }, 'zh')).toBe('Only English.');
    expect(whyOf({ explanation: '', explanationZh: '' }, 'en')).toBeNull();
    expect(whyOf(undefined, 'zh')).toBeNull();
  });
});
