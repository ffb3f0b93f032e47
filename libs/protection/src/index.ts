export * from './key-management';
export * from './key-store';
export * from './particulars-codec';
export * from './protected-event-store';
export * from './mask';
export * from './disclosure';
export * from './erasure-notices';
export * from './need-to-know';
