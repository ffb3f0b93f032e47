export { Cleanup } from './cleanup';
export { BenchContext, BenchSuite, createContext, runSuites } from './context';
export { benchKafkaPid, findRepoRoot, startBenchKafka, stopBenchKafka } from './local-kafka';
export {
  cpuSecondsOfPid,
  cpuSecondsOfSelf,
  cpuSharesBetween,
  cpuTicksOfStat,
  machineCpuTimes,
  machineCpuTimesOf,
  rssOfPidMiB,
  rssOfSelfMiB,
  vmRssKiB,
  withCoresUsed,
} from './proc';
export {
  Clock,
  OpenLoopOptions,
  OpenLoopResult,
  dueBy,
  realClock,
  runOpenLoop,
  scheduledAt,
  sendsIn,
} from './open-loop';
export { watchMachine } from './machine-watch';
export { LoadLevel, recordLoadLevels, runLoadLevels } from './load-levels';
export { BenchOptions, BenchScale, BenchUsageError, parseOptions } from './options';
export { Measurement, MeasurementRegistry } from './registry';
export {
  BenchResult,
  MachineDescription,
  describeMachine,
  formatMarkdown,
  formatTable,
  toResult,
} from './report';
export { LatencySummary, mean, median, percentile, summarize } from './stats';
export { InterleavedRate, closedLoopRate, interleavedRates, medianRate } from './timing';
