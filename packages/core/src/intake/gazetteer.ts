// The gazetteer: every spelling of every district, street/township and community, plus the
// aliases an administrator maps to them (roads, landmarks, estates), in one character trie. Built
// once (tens of milliseconds for Beijing's ~8,000 units); scanning an address is then a walk from
// each character, with no allocation per dictionary entry.
import type { Unit } from '../org/unit';
import { normalizeIntakeText } from './normalize-text';
import { ALIAS_KINDS, PLACE_MATCH_WEIGHTS, placeNameForms, type AliasKind, type PlaceLevel, type PlaceMatchKind } from './place-name-forms';
import { invalidRule, requireNonEmptyString, requireOneOf } from './rule-validation';

export interface GazetteerAlias {
  alias: string;
  unitCode: string;
  kind: AliasKind;
}

/** A division the gazetteer knows, with the codes of its ancestors (its chain). */
export interface GazetteerPlace {
  code: string;
  name: string;
  level: PlaceLevel;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
}

/** One dictionary entry reached in the trie: a spelling of one unit. */
export interface GazetteerEntry {
  unitCode: string;
  kind: PlaceMatchKind;
  weight: number;
  isWeak: boolean;
}

/** A span of the (normalised) text that spells one or more units. */
export interface TextMatch {
  text: string;
  start: number;
  end: number;
  entries: readonly GazetteerEntry[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: GazetteerEntry[] | null;
}

export interface Gazetteer {
  readonly places: ReadonlyMap<string, GazetteerPlace>;
  /** Number of distinct spellings indexed (names, variants, short forms, aliases). */
  readonly formCount: number;
  /** Every dictionary span in already-normalised text, longest spans included and shorter ones too. */
  scan(normalizedText: string): TextMatch[];
}

const LEVEL_OF_CLASS: Partial<Record<Unit['class'], PlaceLevel>> = {
  district: 'district',
  street: 'street',
  community: 'community',
};

/**
 * Builds the gazetteer from division units (other classes are ignored; inactive units are left out)
 * and administrator aliases. Throws VALIDATION_FAILED naming the alias when one is unusable.
 */
export function buildGazetteer(units: Iterable<Unit>, aliases: readonly GazetteerAlias[] = []): Gazetteer {
  const places = placesOf(units);
  const root: TrieNode = { next: new Map(), entries: null };
  let formCount = 0;

  const add = (rawForm: string, entry: GazetteerEntry): void => {
    const form = normalizeIntakeText(rawForm);
    if (form.length < 2) return;
    let node = root;
    // UTF-16 units, the same unit scanTrie walks in, so the two can never disagree.
    for (let i = 0; i < form.length; i++) {
      const ch = form.charAt(i);
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { next: new Map(), entries: null };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (node.entries === null) {
      node.entries = [];
      formCount++;
    }
    // One unit reachable twice by the same spelling keeps its strongest reading.
    const same = node.entries.findIndex((e) => e.unitCode === entry.unitCode);
    const existing = same >= 0 ? node.entries[same] : undefined;
    if (existing === undefined) node.entries.push(entry);
    else if (entry.weight > existing.weight) node.entries[same] = entry;
  };

  for (const place of places.values()) {
    for (const f of placeNameForms(place.level, place.name)) {
      add(f.form, { unitCode: place.code, kind: f.kind, weight: f.weight, isWeak: f.isWeak });
    }
  }
  aliases.forEach((a, i) => {
    const field = `aliases[${i}]`;
    const alias = requireNonEmptyString(a.alias, `${field}.alias`);
    const unitCode = requireNonEmptyString(a.unitCode, `${field}.unitCode`);
    const kind = requireOneOf(a.kind, ALIAS_KINDS, `${field}.kind`);
    if (normalizeIntakeText(alias).length < 2) throw invalidRule(`${field}.alias`, 'needs at least two characters.', a.alias);
    if (!places.has(unitCode)) {
      throw invalidRule(`${field}.unitCode`, `"${unitCode}" is not an active district, street or community.`, unitCode);
    }
    add(alias, { unitCode, kind, weight: PLACE_MATCH_WEIGHTS.alias, isWeak: false });
  });

  return {
    places,
    formCount,
    scan: (text) => scanTrie(root, text),
  };
}

function placesOf(units: Iterable<Unit>): Map<string, GazetteerPlace> {
  const byCode = new Map<string, Unit>();
  for (const u of units) if (u.isActive && LEVEL_OF_CLASS[u.class] !== undefined) byCode.set(u.code, u);
  const places = new Map<string, GazetteerPlace>();
  for (const u of byCode.values()) {
    const level = LEVEL_OF_CLASS[u.class];
    if (level === undefined) continue;
    const parent = u.parentCode === null ? undefined : byCode.get(u.parentCode);
    const grandparent = parent?.parentCode == null ? undefined : byCode.get(parent.parentCode);
    const place: GazetteerPlace = { code: u.code, name: u.name, level, districtCode: null, streetCode: null, communityCode: null };
    if (level === 'district') place.districtCode = u.code;
    if (level === 'street') {
      place.streetCode = u.code;
      place.districtCode = parent?.class === 'district' ? parent.code : null;
    }
    if (level === 'community') {
      place.communityCode = u.code;
      place.streetCode = parent?.class === 'street' ? parent.code : null;
      place.districtCode = grandparent?.class === 'district' ? grandparent.code : null;
    }
    places.set(u.code, place);
  }
  return places;
}

function scanTrie(root: TrieNode, text: string): TextMatch[] {
  const matches: TextMatch[] = [];
  for (let start = 0; start < text.length; start++) {
    let node: TrieNode | undefined = root;
    for (let end = start; end < text.length; end++) {
      node = node.next.get(text.charAt(end));
      if (node === undefined) break;
      if (node.entries !== null) matches.push({ text: text.slice(start, end + 1), start, end: end + 1, entries: node.entries });
    }
  }
  return matches;
}
