/** PostgreSQL of the test machine (trust auth, database `test`). Override with XB_TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.XB_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
