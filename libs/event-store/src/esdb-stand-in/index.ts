/** Test support only: the loopback EventStoreDB stand-in. Not exported from the library's index. */
export { EsdbStandIn, type EsdbStandInOptions } from './stand-in';
export { MemoryLog, type LoggedRecord } from './memory-log';
