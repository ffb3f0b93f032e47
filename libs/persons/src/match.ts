// Scoring two records of a person (docs/persons.md, "Score"): names by their phonetic keys, then date of birth
// and place. Everything is computed on blind indexes (blind-index.ts): the stored side is a BlindRecord, the
// side being searched for is a Probe made from particulars the officer has just entered (held in memory only).
// A score over the threshold proposes a candidate; only an officer merges.
import { BlindIndexer } from './blind-index';
import { nameTokens } from './names';

export interface Particulars {
  /** Names as written: any script, either order; several renderings of one person may be given. */
  readonly names: readonly string[];
  /** 'YYYY-MM-DD', 'YYYY', '~YYYY' (estimated from an age), or '' when unknown. */
  readonly dob: string;
  /** ISO 3166-2 subdivision ('VN-02') or country ('VN') of origin, or ''. */
  readonly place: string;
}

export interface BlindToken {
  readonly fine: readonly string[];
  readonly coarse: readonly string[];
  readonly tonal: readonly string[];
  readonly generic: boolean;
}

/** What the register keeps of a person to find them again: no particular in the clear. */
export interface BlindRecord {
  readonly names: readonly (readonly BlindToken[])[];
  readonly dobYear: string | null;
  readonly dobDate: string | null;
  readonly dobEstimated: boolean;
  readonly placeFull: string | null;
  readonly placeCountry: string | null;
}

export interface Probe extends BlindRecord {
  /** The blind index of each year near the probe's year of birth, with its distance in years. */
  readonly yearDistance: ReadonlyMap<string, number>;
}

export const DOMAINS = {
  fine: 'person.name.fine',
  coarse: 'person.name.coarse',
  tonal: 'person.name.tonal',
  year: 'person.dob.year',
  date: 'person.dob.date',
  place: 'person.place',
  country: 'person.place.country',
} as const;

const MAX_YEAR_DISTANCE = 8;

export interface ParsedDob {
  readonly year: number;
  readonly date: string | null;
  readonly estimated: boolean;
}

export function parseDob(dob: string): ParsedDob | null {
  const text = dob.trim();
  if (text === '') return null;
  const match = /^(~?)(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(text);
  if (!match) throw new Error(`dob: expected YYYY-MM-DD, YYYY or ~YYYY (field: dob)`);
  const [, tilde, year, month, day] = match;
  return {
    year: Number(year),
    date: month && day ? `${year}-${month}-${day}` : null,
    estimated: tilde === '~',
  };
}

function place(code: string): { full: string | null; country: string | null } {
  const text = code.trim().toUpperCase();
  if (text === '') return { full: null, country: null };
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(text))
    throw new Error('place: expected an ISO 3166-2 or country code (field: place)');
  return { full: text, country: text.slice(0, 2) };
}

export function blindRecord(particulars: Particulars, indexer: BlindIndexer): BlindRecord {
  const dob = parseDob(particulars.dob);
  const where = place(particulars.place);
  return {
    names: particulars.names.map((name) =>
      nameTokens(name).map((token) => ({
        fine: token.fine.map((k) => indexer.blind(DOMAINS.fine, k)),
        coarse: token.coarse.map((k) => indexer.blind(DOMAINS.coarse, k)),
        tonal: token.tonal.map((k) => indexer.blind(DOMAINS.tonal, k)),
        generic: token.generic,
      })),
    ),
    dobYear: dob ? indexer.blind(DOMAINS.year, String(dob.year)) : null,
    dobDate: dob?.date ? indexer.blind(DOMAINS.date, dob.date) : null,
    dobEstimated: dob?.estimated ?? false,
    placeFull: where.full ? indexer.blind(DOMAINS.place, where.full) : null,
    placeCountry: where.country ? indexer.blind(DOMAINS.country, where.country) : null,
  };
}

export function probe(particulars: Particulars, indexer: BlindIndexer): Probe {
  const record = blindRecord(particulars, indexer);
  const dob = parseDob(particulars.dob);
  const yearDistance = new Map<string, number>();
  if (dob) {
    for (let d = 0; d <= MAX_YEAR_DISTANCE; d++) {
      yearDistance.set(indexer.blind(DOMAINS.year, String(dob.year + d)), d);
      yearDistance.set(indexer.blind(DOMAINS.year, String(dob.year - d)), d);
    }
  }
  return { ...record, yearDistance };
}

const GENERIC_WEIGHT = 0.3;
const COARSE_SIMILARITY = 0.6;
/** Same sounds, other tone marks, both sides written in Vietnamese with them (Mai and Mây): another name. */
const OTHER_TONE_SIMILARITY = 0;
/** How much one distinctive syllable on each side that matches nothing on the other takes off: a different
 * syllable where the other name has one (Thu Hương against Thu Hà) is evidence of another person; a syllable
 * one side lacks (a name recorded in part) is not. */
const CONFLICT_PENALTY = 0.4;

const intersects = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

/** Similarity of two names in [0, 1]: syllables paired one to one (best first), weighted Dice. */
export function nameSimilarity(a: readonly BlindToken[], b: readonly BlindToken[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const weight = (t: BlindToken) => (t.generic ? GENERIC_WEIGHT : 1);
  const pairs: { i: number; j: number; value: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const ta = a[i]!;
      const tb = b[j]!;
      let s = intersects(ta.fine, tb.fine) ? 1 : intersects(ta.coarse, tb.coarse) ? COARSE_SIMILARITY : 0;
      if (s > 0 && ta.tonal.length > 0 && tb.tonal.length > 0 && !intersects(ta.tonal, tb.tonal))
        s = Math.min(s, OTHER_TONE_SIMILARITY);
      if (s > 0) pairs.push({ i, j, value: (s * (weight(ta) + weight(tb))) / 2 });
    }
  }
  pairs.sort((x, y) => y.value - x.value);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  for (const pair of pairs) {
    if (usedA.has(pair.i) || usedB.has(pair.j)) continue;
    usedA.add(pair.i);
    usedB.add(pair.j);
    matched += pair.value;
  }
  const total = a.reduce((s, t) => s + weight(t), 0) + b.reduce((s, t) => s + weight(t), 0);
  const unmatched = (tokens: readonly BlindToken[], used: Set<number>) =>
    tokens.reduce((sum, t, i) => sum + (used.has(i) ? 0 : weight(t)), 0);
  const conflicts = Math.min(unmatched(a, usedA), unmatched(b, usedB));
  return Math.max(0, ((2 * matched) / total) * (1 - CONFLICT_PENALTY * conflicts));
}

export interface ScoreParts {
  readonly name: number;
  readonly dob: number;
  readonly place: number;
  /** Set when the dates of birth rule the pair out whatever the names say (total 0, names not compared). */
  readonly dobConflict: boolean;
  readonly total: number;
}

export const WEIGHTS = { name: 0.7, dob: 0.2, place: 0.1 } as const;
/** A pair scoring at least this is proposed to an officer as a candidate. */
export const CANDIDATE_THRESHOLD = 0.72;

function dobScore(p: Probe, r: BlindRecord): { score: number; conflict: boolean } {
  if (p.dobYear === null || r.dobYear === null) return { score: 0.5, conflict: false };
  const distance = p.yearDistance.get(r.dobYear) ?? Infinity;
  const tolerance = p.dobEstimated || r.dobEstimated ? 3 : 1;
  if (distance === 0) {
    if (p.dobDate && r.dobDate) return { score: p.dobDate === r.dobDate ? 1 : 0.6, conflict: false };
    return { score: 0.9, conflict: false };
  }
  if (distance <= tolerance) return { score: 0.8 - 0.1 * distance, conflict: false };
  if (distance <= tolerance + 2) return { score: 0.1, conflict: false };
  return { score: 0, conflict: true };
}

function placeScore(p: Probe, r: BlindRecord): number {
  if (p.placeCountry === null || r.placeCountry === null) return 0.5;
  if (p.placeCountry !== r.placeCountry) return 0;
  if (p.placeFull === r.placeFull) return 1;
  // One side knows only the country (VN against VN-02): consistent, not confirming.
  if (p.placeFull === p.placeCountry || r.placeFull === r.placeCountry) return 0.7;
  return 0.2;
}

export function score(p: Probe, r: BlindRecord): ScoreParts {
  const dob = dobScore(p, r);
  const where = placeScore(p, r);
  // Dates of birth that rule the pair out cap it below any threshold: the names need not be compared.
  if (dob.conflict) return { name: 0, dob: dob.score, place: where, dobConflict: true, total: 0 };
  let name = 0;
  for (const a of p.names) for (const b of r.names) name = Math.max(name, nameSimilarity(a, b));
  const raw = WEIGHTS.name * name + WEIGHTS.dob * dob.score + WEIGHTS.place * where;
  return { name, dob: dob.score, place: where, dobConflict: false, total: raw };
}
