import { BenchUsageError, parseOptions } from './options';

describe('parseOptions', () => {
  it('defaults to the full scale with a pool over every core and the bench broker port', () => {
    expect(parseOptions([], {}, 2)).toEqual({
      scale: 'full',
      seconds: 3,
      rounds: 3,
      poolSize: 2,
      kafkaRecords: 30_000,
      kafkaPort: 19492,
      kafkaBrokers: undefined,
      pinProcesses: false,
      only: undefined,
    });
  });

  it('shrinks every size at the small scale', () => {
    expect(parseOptions([], { BENCH_SCALE: 'small' }, 4)).toMatchObject({
      seconds: 1,
      rounds: 1,
      poolSize: 4,
      kafkaRecords: 5_000,
    });
  });

  it('takes env variables, and flags over them, in both flag spellings', () => {
    const env = { BENCH_SECONDS: '5', BENCH_ROUNDS: '2', BENCH_ONLY: 'raw-kafka' };
    expect(
      parseOptions(['--seconds', '0.5', '--only=raw-crypto, raw-sqlite', '--pool=3'], env, 2),
    ).toMatchObject({
      seconds: 0.5,
      rounds: 2,
      poolSize: 3,
      only: ['raw-crypto', 'raw-sqlite'],
    });
    expect(parseOptions(['--kafka-brokers', '127.0.0.1:9092'], {}, 2).kafkaBrokers).toBe('127.0.0.1:9092');
    expect(parseOptions(['--pin', '1'], {}, 2).pinProcesses).toBe(true);
  });

  test.each([
    [['--scale', 'huge']],
    [['--seconds', '0']],
    [['--seconds', 'soon']],
    [['--rounds', '1.5']],
    [['--pool']],
    [['--pin', 'yes']],
    [['--fast']],
  ])('refuses %j', (argv) => {
    expect(() => parseOptions(argv, {}, 2)).toThrow(BenchUsageError);
  });
});
