// The bench starts its broker with the same code as the tests and the demo (libs/testing).
export {
  findRepoRoot,
  localKafkaPid as benchKafkaPid,
  startLocalKafka as startBenchKafka,
  stopLocalKafka as stopBenchKafka,
} from '@xb/testing';
