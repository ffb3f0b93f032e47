export * from './settings';
export * from './load-config';
export * from './node-config';
export * from './config.module';
export * from './data-dir';
export * from './report-settings';
export * from './local-time';
export * from './retention-settings';
