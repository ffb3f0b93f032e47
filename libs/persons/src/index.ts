export * from './blind-index';
export * from './candidate-index';
export * from './han';
export * from './lao';
export * from './match';
export * from './names';
export * from './phonetic';
