import os from 'node:os';
import { cpuSharesBetween, machineCpuTimes } from './proc';
import { MeasurementRegistry } from './registry';

/**
 * Notes how busy the machine is at the start of a run; `finish` records it for the whole run. Other
 * work on a shared machine halves a rate as easily as a regression does, so it travels with the figures.
 */
export function watchMachine(registry: MeasurementRegistry): { finish(): void } {
  registry.record(
    'machine_load_avg_1m_start',
    os.loadavg()[0] ?? 0,
    'load',
    '1 min load average at the start',
  );
  const cpuAtStart = machineCpuTimes();
  return {
    finish() {
      registry.record(
        'machine_load_avg_1m_end',
        os.loadavg()[0] ?? 0,
        'load',
        '1 min load average at the end',
      );
      const cpuAtEnd = machineCpuTimes();
      if (!cpuAtStart || !cpuAtEnd) return;
      const { busyPct, stealPct } = cpuSharesBetween(cpuAtStart, cpuAtEnd);
      registry.record(
        'machine_cpu_busy_pct',
        busyPct,
        '%',
        'all cores, all processes (the bench too), over the run',
      );
      registry.record(
        'machine_cpu_steal_pct',
        stealPct,
        '%',
        'vCPU time the hypervisor gave to other guests',
      );
    },
  };
}
