import { CandidateIndex, blindRecord, hmacBlindIndexer, probe } from '@xb/persons';
import { BenchSuite } from '../harness/context';
import { summarize } from '../harness/stats';

// Surnames weighted roughly as in Vietnam (Nguyễn about a third): the postings of the common ones are long,
// which is what makes a candidate search slow.
const SURNAMES: readonly [string, number][] = [
  ['Nguyễn', 32],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4],
  ['Vũ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 1],
  ['Ngô', 1],
  ['Dương', 1],
  ['Lý', 1],
  ['Lò', 1],
  ['Giàng', 1],
  ['Vàng', 1],
  ['Sùng', 1],
  ['Cầm', 1],
  ['Lường', 1],
  ['Hà', 1],
  ['Vi', 1],
  ['Nông', 1],
  ['Triệu', 1],
  ['Đinh', 1],
];
const GIVEN = [
  'Mai',
  'Hoa',
  'Lan',
  'Hương',
  'Thu',
  'Minh',
  'Anh',
  'Ngọc',
  'Hồng',
  'Thanh',
  'Bình',
  'An',
  'Hải',
  'Nam',
  'Đức',
  'Trung',
  'Hùng',
  'Dũng',
  'Cường',
  'Tuấn',
  'Long',
  'Yến',
  'Liên',
  'Quỳnh',
  'Thúy',
  'Tuyết',
  'Vân',
  'Hà',
  'Thảo',
  'Mỹ',
  'Linh',
  'Trang',
  'Hạnh',
  'Hằng',
  'Tâm',
  'Hiền',
  'Huệ',
  'Phương',
  'Ngân',
  'Châu',
  'Xuân',
  'Nga',
  'Kim',
  'Bích',
  'Quang',
  'Huy',
  'Phúc',
  'Lộc',
  'Sơn',
  'Giang',
  'Dung',
  'Quyên',
  'Chi',
  'Khánh',
];

/** A deterministic generator: the same register in every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Candidate search (libs/persons, docs/persons.md): a register of 100,000 persons (full; 20,000 small) held as
 * blind indexes only, searched with probes made from other renderings of registered persons (no diacritics,
 * upper case, given name first) and from unknown names. Reports the time of one search, probe included.
 */
export const oursPersonsSuite: BenchSuite = {
  name: 'ours-persons',
  async run({ options, registry, log }) {
    const total = options.scale === 'full' ? 100_000 : 20_000;
    const random = lcg(22);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const surnameWeights = SURNAMES.reduce((sum, [, w]) => sum + w, 0);
    const surname = () => {
      let r = random() * surnameWeights;
      for (const [name, w] of SURNAMES) if ((r -= w) < 0) return name;
      return SURNAMES[0]![0];
    };
    const indexer = hmacBlindIndexer(new Uint8Array(32).fill(22));
    const index = new CandidateIndex();
    const people: { names: string[]; dob: string; place: string }[] = [];
    log(`blinding and indexing ${total} persons`);
    let started = performance.now();
    for (let i = 0; i < total; i++) {
      const woman = random() < 0.7;
      const given = random() < 0.4 ? `${pick(GIVEN)} ${pick(GIVEN)}` : pick(GIVEN);
      const name = `${surname()} ${woman ? 'Thị' : 'Văn'} ${given}`;
      const year = 1960 + Math.floor(random() * 50);
      const dob =
        random() < 0.3 ? `~${year}` : `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
      const person = {
        names: [name],
        dob,
        place: `VN-${String(1 + Math.floor(random() * 60)).padStart(2, '0')}`,
      };
      people.push(person);
      index.put(`person-${i}`, blindRecord(person, indexer));
    }
    registry.record(
      'ours_persons_index_per_s',
      total / ((performance.now() - started) / 1000),
      'persons/s',
      `blind indexes (HMAC-SHA-256) of ${total} persons computed and indexed`,
    );
    const fold = (text: string) =>
      text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const probes = Array.from({ length: 400 }, (_, k) => {
      if (k % 4 === 3)
        return { names: [`${surname()} Thị ${pick(GIVEN)} ${pick(GIVEN)}`], dob: '~1990', place: '' };
      const person = pick(people);
      const [family, middle, ...given] = fold(person.names[0]!).split(' ');
      const names = [
        k % 2 === 0 ? fold(person.names[0]!).toUpperCase() : `${given.join(' ')} ${family} ${middle}`,
      ];
      return { names, dob: person.dob.replace(/^~?(\d{4}).*$/, '~$1'), place: 'VN' };
    });
    // Warm-up: the first searches compile the scoring code.
    for (const p of probes.slice(0, 40)) index.search(probe(p, indexer));
    const samples: number[] = [];
    let candidates = 0;
    const cpuBefore = process.cpuUsage();
    for (const p of probes) {
      started = performance.now();
      candidates += index.search(probe(p, indexer)).length;
      samples.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const summary = summarize(samples);
    // CPU time spent per search: what the machine's other load does not inflate (the wall times above it does).
    registry.record(
      'ours_persons_search_cpu_ms',
      (cpu.user + cpu.system) / 1000 / probes.length,
      'ms',
      `CPU time per candidate search over ${total} persons`,
    );
    registry.record(
      'ours_persons_search_ms_p50',
      summary.p50,
      'ms',
      `candidate search over ${total} persons, median of ${samples.length}`,
    );
    registry.record(
      'ours_persons_search_ms_p95',
      summary.p95,
      'ms',
      `candidate search over ${total} persons (target < 50 ms)`,
    );
    log(`${(candidates / probes.length).toFixed(1)} candidates per search on average`);
  },
};
