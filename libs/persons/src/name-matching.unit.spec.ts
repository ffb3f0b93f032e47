// The labelled set (test/name-pairs.fixture.ts, written before the matcher) through the blind path the register
// uses: precision and recall of the proposed candidates, reported and held to the bar.
import { NEGATIVES, PERSONS, Rendering } from '../test/name-pairs.fixture';
import { hmacBlindIndexer } from './blind-index';
import { CandidateIndex } from './candidate-index';
import { CANDIDATE_THRESHOLD, blindRecord, probe, score } from './match';

const indexer = hmacBlindIndexer(new Uint8Array(32).fill(7));
const particulars = ([name, dob, place]: Rendering) => ({ names: [name], dob, place });
const proposed = (a: Rendering, b: Rendering) =>
  score(probe(particulars(a), indexer), blindRecord(particulars(b), indexer)).total >= CANDIDATE_THRESHOLD;

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  misses: string[];
}
const rates = (t: Tally) => ({ precision: t.tp / (t.tp + t.fp), recall: t.tp / (t.tp + t.fn) });

describe('name matching across scripts, on the labelled set', () => {
  it('has at least 300 labelled pairs', () => {
    const same = PERSONS.reduce((n, p) => n + (p.renderings.length * (p.renderings.length - 1)) / 2, 0);
    expect(same + NEGATIVES.length).toBeGreaterThanOrEqual(300);
  });

  it('gives precision >= 0.95 and recall >= 0.90 on the labelled pairs (both directions)', () => {
    const t: Tally = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [] };
    for (const person of PERSONS) {
      const r = person.renderings;
      for (let i = 0; i < r.length; i++)
        for (let j = 0; j < r.length; j++) {
          if (i === j) continue;
          if (proposed(r[i]!, r[j]!)) t.tp++;
          else {
            t.fn++;
            t.misses.push(`missed ${person.label}: ${r[i]![0]} / ${r[j]![0]}`);
          }
        }
    }
    for (const [a, b, why] of NEGATIVES) {
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        if (proposed(x, y)) {
          t.fp++;
          t.misses.push(`proposed (${why}): ${x[0]} / ${y[0]}`);
        } else t.tn++;
      }
    }
    const { precision, recall } = rates(t);
    process.stdout.write(
      `labelled pairs: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(tp ${t.tp}, fp ${t.fp}, fn ${t.fn}, tn ${t.tn})\n${t.misses.join('\n')}\n`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('gives precision >= 0.95 and recall >= 0.90 when every rendering searches all the others', () => {
    const index = new CandidateIndex();
    const records: { id: string; label: string; rendering: Rendering }[] = [];
    PERSONS.forEach((person) =>
      person.renderings.forEach((rendering, k) =>
        records.push({ id: `${person.label}.${k}`, label: person.label, rendering }),
      ),
    );
    // The other person of each negative pair is in the register too, as a person of their own; the first of
    // each pair is a rendering of a listed person, so only that pair's verdict is known for them.
    const distractorOf = new Map<string, Rendering>();
    NEGATIVES.forEach(([a, b], k) => {
      records.push({ id: `n${k}`, label: `n${k}`, rendering: b });
      distractorOf.set(`n${k}`, a);
    });
    for (const r of records) index.put(r.id, blindRecord(particulars(r.rendering), indexer));
    const t: Tally = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [] };
    for (const r of records) {
      const found = new Set(
        index.search(probe(particulars(r.rendering), indexer), { exclude: r.id }).map((c) => c.personId),
      );
      for (const other of records) {
        if (other.id === r.id) continue;
        // A pair with a distractor counts only as the negative it was written as.
        const negativeOf = distractorOf.get(other.id) ?? distractorOf.get(r.id);
        if (negativeOf !== undefined) {
          const listed = distractorOf.has(other.id) ? r.rendering : other.rendering;
          if (distractorOf.has(other.id) && distractorOf.has(r.id)) continue;
          if (JSON.stringify(listed) !== JSON.stringify(negativeOf)) continue;
        }
        const same = other.label === r.label;
        const got = found.has(other.id);
        if (same && got) t.tp++;
        else if (same) {
          t.fn++;
          t.misses.push(`missed ${r.label}: ${r.rendering[0]} / ${other.rendering[0]}`);
        } else if (got) {
          t.fp++;
          t.misses.push(`proposed: ${r.rendering[0]} / ${other.rendering[0]}`);
        } else t.tn++;
      }
    }
    const { precision, recall } = rates(t);
    process.stdout.write(
      `search over ${records.length} records: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(tp ${t.tp}, fp ${t.fp}, fn ${t.fn})\n${t.misses.join('\n')}\n`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
