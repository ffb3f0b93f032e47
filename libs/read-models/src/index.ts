export * from './database';
export * from './tables';
export * from './migrate';
export * from './projector';
export * from './projections';
export * from './queries';
export * from './report-counts';
export * from './overdue';
