export * from './local-kafka';
export * from './wait-for';
export * from './kafka-ready';
export * from './local-cluster';
export * from './test-certificates';
