/**
 * Errors a database outage raises — a terminated backend (57P01 on a restart or failover), a dropped
 * socket, a pool that lost its connection — as opposed to bugs. The pools reconnect on their own, so
 * the process logs these and keeps serving; anything else still stops it (ADR 009).
 */
const RECOVERABLE_CODES = new Set([
  "57P01", "57P02", "57P03", // admin_shutdown, crash_shutdown, cannot_connect_now
  "08000", "08001", "08003", "08004", "08006", // connection exceptions
  "53300", // too_many_connections
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", // postgres.js
  "ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH",
]);

const RECOVERABLE_MESSAGES = [/Connection terminated/i, /connection error and is not queryable/i, /terminating connection due to administrator command/i];

export function isRecoverableDbError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; stack?: unknown; cause?: unknown };
  if (typeof e.code === "string" && RECOVERABLE_CODES.has(e.code)) return true;
  const message = typeof e.message === "string" ? e.message : "";
  if (RECOVERABLE_MESSAGES.some((m) => m.test(message))) return true;
  // postgres.js 3.4.9 writes to a socket it has already let go of when a connection drops with a
  // write pending (porsager/postgres#1208): the connection is gone, the pool opens another.
  if (error instanceof TypeError && /reading 'write'/.test(message) && typeof e.stack === "string" && /postgres[\\/](src|cjs[\\/]src)[\\/]connection\.js/.test(e.stack)) return true;
  return e.cause !== undefined && e.cause !== error && isRecoverableDbError(e.cause);
}

const describe = (error: unknown) => (error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error));

let installed = false;

/**
 * Process-wide: a rejection nobody awaited (pg-boss's Manager.complete/fail while the database is
 * away) or an exception thrown from a driver's socket callback is logged and survived when it is a
 * database outage; anything else is logged and ends the process with status 1, as Node would.
 */
export function installCrashGuards(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
  if (installed) return;
  installed = true;
  let survived = 0;
  const handle = (kind: string) => (error: unknown) => {
    if (isRecoverableDbError(error)) {
      survived++;
      // Every outage throws many of these at once: say the first few, then one in a hundred.
      if (survived <= 5 || survived % 100 === 0) log(`database connection lost (${kind}, ${survived} so far), still serving: ${describe(error)}`);
      return;
    }
    log(`fatal ${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  };
  process.on("unhandledRejection", handle("unhandled rejection"));
  process.on("uncaughtException", handle("uncaught exception"));
}
