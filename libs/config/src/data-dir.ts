import path from 'node:path';

/**
 * Where a node keeps its files under XB_DATA_DIR (keys and trust files: libs/envelope key-files). The
 * node, the auditor's tool, the tests and the bench all find them here.
 */
export const eventStoreFile = (dataDir: string) => path.join(dataDir, 'event-store.sqlite');
export const readModelsFile = (dataDir: string) => path.join(dataDir, 'read-models.sqlite');
/** Officer accounts and console sessions (the embedded sign-in; apps/node/src/officers). */
export const officersFile = (dataDir: string) => path.join(dataDir, 'officers.sqlite');
