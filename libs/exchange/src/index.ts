export * from './topics';
export * from './kafka-client';
export * from './provision';
