export * from './local-kafka';
export * from './wait-for';
export * from './kafka-ready';
export * from './databases';
export * from './local-cluster';
export * from './test-certificates';
