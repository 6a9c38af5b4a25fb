// The spellings under which a division is written in an address: its official name, the office
// and township variants (望京街道办事处, 崔各庄乡 for 崔各庄地区), and the short forms residents use
// (朝阳, 望京, 花家地西里). Each form carries a weight — how strongly it alone points at the unit.

export const PLACE_LEVELS = ['district', 'street', 'community'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** Kinds of administrator-added aliases: a unit's other name, or a road, landmark or estate (小区) inside it. */
export const ALIAS_KINDS = ['short_name', 'road', 'landmark', 'estate'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

/** How a piece of text matched a unit. */
export type PlaceMatchKind = 'full_name' | 'name_variant' | 'short_form' | AliasKind;

export interface NameForm {
  form: string;
  kind: PlaceMatchKind;
  /** 0..1: how strongly this form alone identifies the unit. */
  weight: number;
  /**
   * Weak forms (two-character community stems, village stems) are ordinary words too (幸福, 光明,
   * 花园), so they count only when another mention of the same district or street backs them.
   */
  isWeak: boolean;
}

/**
 * Weights, tuned on the Beijing address set in packages/reference/test: official names are near
 * certain; short forms get weaker as they get shorter and more likely to be ordinary words.
 */
export const PLACE_MATCH_WEIGHTS = {
  fullName: 0.95,
  nameVariant: 0.9,
  alias: 0.9,
  districtShort: 0.8,
  streetShortLong: 0.75,
  streetShort2: 0.6,
  communityShortLong: 0.7,
  communityShort2: 0.45,
  villageShort: 0.55,
} as const;

const W = PLACE_MATCH_WEIGHTS;

export function placeNameForms(level: PlaceLevel, rawName: string): NameForm[] {
  switch (level) {
    case 'district':
      return districtForms(rawName);
    case 'street':
      return streetForms(rawName);
    case 'community':
      return communityForms(rawName);
  }
}

function full(form: string): NameForm {
  // A two-character official name (东村, 火村, 光明) is also an everyday word.
  return { form, kind: 'full_name', weight: W.fullName, isWeak: form.length <= 2 };
}
function variant(form: string): NameForm {
  return { form, kind: 'name_variant', weight: W.nameVariant, isWeak: false };
}
function short(form: string, weight: number, isWeak = false): NameForm {
  return { form, kind: 'short_form', weight, isWeak };
}

function districtForms(name: string): NameForm[] {
  const forms = [full(name)];
  const stem = name.replace(/(区|县)$/, '');
  if (stem !== name && stem.length >= 2) forms.push(short(stem, W.districtShort));
  return forms;
}

function streetForms(rawName: string): NameForm[] {
  // Accept raw office names too: '望京街道办事处' is the same unit as '望京街道'.
  const name = rawName.replace(/(街道|地区)办事处$/, '$1');
  const forms = [full(name)];
  const street = /^(.+)街道$/.exec(name);
  if (street?.[1]) {
    const stem = street[1];
    forms.push(variant(`${stem}街道办事处`), variant(`${stem}街道办`));
    if (stem.length >= 2) forms.push(short(stem, stem.length >= 3 ? W.streetShortLong : W.streetShort2));
    return forms;
  }
  // 地区, 镇 and 乡 are used interchangeably in Beijing's townships (崔各庄地区 = 崔各庄乡; 黄村地区,
  // once 黄村镇), and ethnic townships drop their qualifier in speech (于家务回族乡 → 于家务乡).
  const township = /^(.+?)((?:回族|满族|蒙古族)?乡|镇|地区)$/.exec(name);
  if (township?.[1] && township[1].length >= 2) {
    const stem = township[1];
    for (const form of [`${stem}地区`, `${stem}镇`, `${stem}乡`, `${stem}地区办事处`, `${stem}镇政府`, `${stem}乡政府`]) {
      if (form !== name) forms.push(variant(form));
    }
    forms.push(short(stem, stem.length >= 3 ? W.streetShortLong : W.streetShort2));
    return forms;
  }
  // Development zones and the like: '北京经济技术开发区' is often written without '北京'.
  if (name.startsWith('北京') && name.length >= 6) forms.push(variant(name.slice(2)));
  return forms;
}

function communityForms(rawName: string): NameForm[] {
  const name = rawName
    .replace(/(居委会|居民委员会)$/, '')
    .replace(/(村委会|村民委员会)$/, '村')
    .replace(/村村$/, '村');
  const forms = [full(name)];
  const community = /^(.+)社区$/.exec(name);
  if (community?.[1] && community[1].length >= 2) {
    const stem = community[1];
    forms.push(stem.length >= 3 ? short(stem, W.communityShortLong) : short(stem, W.communityShort2, true));
    return forms;
  }
  // Villages: 'X村' is usually written in full; a bare stem of two characters is too often a word
  // or another place's name (双井, 管庄), so only longer stems, and only as weak forms.
  const village = /^(.+)村$/.exec(name);
  if (village?.[1] && village[1].length >= 3) forms.push(short(village[1], W.villageShort, true));
  return forms;
}
