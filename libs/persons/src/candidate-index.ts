// The candidate index (docs/persons.md, "Candidate search"): postings from blind name keys to the persons
// carrying them, so a search scores only the persons that share enough syllables with the probe instead of the
// whole register. Holds blind indexes only; rebuilt from the register's events at start.
import { BlindRecord, CANDIDATE_THRESHOLD, Probe, ScoreParts, score } from './match';

export interface Candidate {
  readonly personId: string;
  readonly score: ScoreParts;
}

export class CandidateIndex {
  private readonly ids: string[] = [];
  private readonly records: (BlindRecord | null)[] = [];
  private readonly ordinalOf = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private hits = new Uint16Array(1024);
  private stamp = new Uint32Array(1024);
  /** The probe syllable that last counted each person (round * 4096 + syllable), so a syllable counts once. */
  private lastSyllable = new Float64Array(1024);
  private round = 0;

  get size(): number {
    return this.ordinalOf.size;
  }

  /** Adds a person, or replaces what the index holds for them. */
  put(personId: string, record: BlindRecord): void {
    this.remove(personId);
    const ordinal = this.ids.length;
    this.ids.push(personId);
    this.records.push(record);
    this.ordinalOf.set(personId, ordinal);
    for (const name of record.names) {
      for (const token of name) {
        if (token.generic) continue;
        // Coarse keys only: two syllables sharing a fine key share its coarse key too (it is made from the fine
        // one), so the coarse postings find every person a fine one would, with half the lists to walk.
        for (const key of token.coarse) {
          const list = this.postings.get(key);
          if (list === undefined) this.postings.set(key, [ordinal]);
          else if (list[list.length - 1] !== ordinal) list.push(ordinal);
        }
      }
    }
    if (this.ids.length > this.hits.length) {
      const grown = this.hits.length * 2;
      this.hits = new Uint16Array(grown);
      this.stamp = new Uint32Array(grown);
      this.lastSyllable = new Float64Array(grown);
      this.round = 0;
    }
  }

  /** Whether the index holds the person's blind record. */
  has(personId: string): boolean {
    return this.ordinalOf.has(personId);
  }

  /** Takes a person out (merged into another, or erased); their postings are skipped from now on. */
  remove(personId: string): void {
    const ordinal = this.ordinalOf.get(personId);
    if (ordinal === undefined) return;
    this.records[ordinal] = null;
    this.ordinalOf.delete(personId);
  }

  /** Persons scoring at least the threshold against the probe, best first. */
  search(p: Probe, options: { threshold?: number; limit?: number; exclude?: string } = {}): Candidate[] {
    const threshold = options.threshold ?? CANDIDATE_THRESHOLD;
    this.round++;
    if (this.round === 0xffffffff) {
      this.stamp.fill(0);
      this.lastSyllable.fill(0);
      this.round = 1;
    }
    const round = this.round;
    const touched: number[] = [];
    let needed = 0;
    for (const name of p.names) {
      const distinctive = name.filter((t) => !t.generic).length;
      needed = Math.max(needed, Math.min(2, distinctive));
    }
    // One count per probe syllable: a person is counted once for it however many of its keys they share.
    let syllable = round * 4096;
    for (const name of p.names) {
      for (const token of name) {
        if (token.generic) continue;
        syllable++;
        for (const key of token.coarse) {
          const list = this.postings.get(key);
          if (list === undefined) continue;
          for (const ordinal of list) {
            if (this.lastSyllable[ordinal] === syllable) continue;
            this.lastSyllable[ordinal] = syllable;
            if (this.stamp[ordinal] !== round) {
              this.stamp[ordinal] = round;
              this.hits[ordinal] = 0;
              touched.push(ordinal);
            }
            this.hits[ordinal]!++;
          }
        }
      }
    }
    const found: Candidate[] = [];
    for (const ordinal of touched) {
      if (this.hits[ordinal]! < needed) continue;
      const record = this.records[ordinal];
      const personId = this.ids[ordinal]!;
      if (!record || personId === options.exclude) continue;
      const parts = score(p, record);
      if (parts.total >= threshold) found.push({ personId, score: parts });
    }
    found.sort((a, b) => b.score.total - a.score.total || (a.personId < b.personId ? -1 : 1));
    return options.limit === undefined ? found : found.slice(0, options.limit);
  }
}
