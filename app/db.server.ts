/** The app's door to the database (db/ is reached only from *.server.ts modules). */
export { getDb } from "../db/client";
export type { Db, Tx, DbHandle } from "../db/client";
