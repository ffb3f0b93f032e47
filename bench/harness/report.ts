import os from 'node:os';
import fs from 'node:fs';
import { Measurement } from './registry';

/** The machine a run was measured on: figures mean little without it. */
export interface MachineDescription {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage1m: number;
}

export function describeMachine(): MachineDescription {
  return {
    cpuModel: cpuModelFrom(readOr('/proc/cpuinfo', '')) ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 2 ** 30, 3),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage1m: round(os.loadavg()[0] ?? 0, 3),
  };
}

/** The `model name` line of /proc/cpuinfo (Linux), or undefined when it has none. */
export function cpuModelFrom(cpuinfo: string): string | undefined {
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
}

/** Rounds to `significant` significant digits: enough for a noisy figure, short enough to read. */
export function round(value: number, significant = 4): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(significant));
}

/** A fixed-width text table: name, value, unit, note. */
export function formatTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map((m) => [m.name, formatValue(m.value), m.unit, m.note ?? '']);
  const header = ['figure', 'value', 'unit', 'what'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The same figures as a Markdown table, for docs/performance.md. */
export function formatMarkdown(measurements: readonly Measurement[]): string {
  const rows = measurements.map(
    (m) => `| ${m.name} | ${formatValue(m.value)} | ${m.unit} | ${m.note ?? ''} |`,
  );
  return ['| figure | value | unit | what |', '| --- | ---: | --- | --- |', ...rows].join('\n');
}

/** Everything of a run as one JSON object (printed as the run's last line). */
export interface BenchResult {
  bench: 'xborder';
  at: string;
  machine: MachineDescription;
  options: object;
  figures: Record<string, number>;
  units: Record<string, string>;
  errors: Record<string, string>;
}

export function toResult(
  measurements: readonly Measurement[],
  context: { at: Date; machine: MachineDescription; options: object; errors: Record<string, string> },
): BenchResult {
  const figures: Record<string, number> = {};
  const units: Record<string, string> = {};
  for (const m of measurements) {
    figures[m.name] = round(m.value);
    units[m.name] = m.unit;
  }
  const { at, machine, options, errors } = context;
  return { bench: 'xborder', at: at.toISOString(), machine, options, figures, units, errors };
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = round(value);
  return Math.abs(rounded) >= 1000 ? Math.round(rounded).toLocaleString('en-US') : String(rounded);
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}
