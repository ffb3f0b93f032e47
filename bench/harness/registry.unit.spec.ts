import { MeasurementRegistry } from './registry';
import { cpuModelFrom, formatMarkdown, formatTable, round, toResult } from './report';

describe('MeasurementRegistry', () => {
  it('keeps figures in the order they were measured', () => {
    const registry = new MeasurementRegistry();
    registry.record('raw_seal_per_s', 1200, 'ops/s', 'openpgp');
    registry.record('ours_seal_per_s', 900, 'ops/s');
    expect(registry.all().map((m) => m.name)).toEqual(['raw_seal_per_s', 'ours_seal_per_s']);
    expect(registry.value('ours_seal_per_s')).toBe(900);
  });

  it('refuses a second figure under one name and names that are not snake_case', () => {
    const registry = new MeasurementRegistry();
    registry.record('raw_x', 1, 'ops/s');
    expect(() => registry.record('raw_x', 2, 'ops/s')).toThrow('recorded twice');
    expect(() => registry.record('Raw-X', 2, 'ops/s')).toThrow('snake_case');
    expect(() => registry.value('missing')).toThrow('"missing" was not recorded');
  });

  it('records ratio_<x> = ours / raw only when both figures exist and raw is not zero', () => {
    const registry = new MeasurementRegistry();
    registry.record('raw_seal_per_s', 1200, 'ops/s');
    registry.record('ours_seal_per_s', 900, 'ops/s');
    registry.record('raw_zero', 0, 'ops/s');
    expect(registry.ratio('seal', 'ours_seal_per_s', 'raw_seal_per_s')).toMatchObject({
      name: 'ratio_seal',
      value: 0.75,
      unit: 'x',
    });
    expect(registry.ratio('open', 'ours_open_per_s', 'raw_seal_per_s')).toBeUndefined();
    expect(registry.ratio('zero', 'ours_seal_per_s', 'raw_zero')).toBeUndefined();
    expect(registry.get('ratio_open')).toBeUndefined();
  });
});

describe('report', () => {
  const registry = new MeasurementRegistry();
  registry.record('raw_kafka_records_per_s', 16683.4, 'records/s', 'produce then consume');
  registry.record('raw_kafka_rtt_p50_ms', 3.25187, 'ms');

  it('prints an aligned table with rounded values', () => {
    expect(formatTable(registry.all()).split('\n')).toEqual([
      'figure                    value  unit       what',
      '-----------------------  ------  ---------  --------------------',
      'raw_kafka_records_per_s  16,680  records/s  produce then consume',
      'raw_kafka_rtt_p50_ms      3.252  ms',
    ]);
    expect(formatMarkdown(registry.all())).toContain('| raw_kafka_rtt_p50_ms | 3.252 | ms |  |');
  });

  it('puts every figure and its unit into one JSON-ready object', () => {
    const machine = {
      cpuModel: 'X',
      cores: 2,
      memoryGiB: 1,
      node: 'v20',
      platform: 'Linux',
      loadAverage1m: 0,
    };
    const result = toResult(registry.all(), {
      at: new Date(0),
      machine,
      options: { scale: 'small' },
      errors: {},
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      bench: 'xborder',
      at: '1970-01-01T00:00:00.000Z',
      machine,
      options: { scale: 'small' },
      figures: { raw_kafka_records_per_s: 16680, raw_kafka_rtt_p50_ms: 3.252 },
      units: { raw_kafka_records_per_s: 'records/s', raw_kafka_rtt_p50_ms: 'ms' },
      errors: {},
    });
  });

  test.each([
    [16683.4, 16680],
    [0.000123456, 0.0001235],
    [0, 0],
    [Number.NaN, Number.NaN],
  ])('rounds %s to %s (4 significant digits)', (value, expected) => {
    expect(round(value)).toBe(expected);
  });

  it('reads the CPU model from /proc/cpuinfo text', () => {
    expect(cpuModelFrom('processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n')).toBe('AMD EPYC 7B13');
    expect(cpuModelFrom('processor\t: 0\n')).toBeUndefined();
  });
});
