/**
 * Rows of `db.execute`: an array on postgres.js, `{ rows }` on PGlite. On its own, free of the
 * drivers, so query modules that route files reach for types can use it without pulling the drivers
 * into the browser bundle.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
