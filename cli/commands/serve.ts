import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { parseArgs } from "../args";
import { resources } from "../../locales";
import { getDb, migrateDb, setDb, closeDb } from "../../db/client";
import { createFreshDb } from "../../db/testing";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { startWorkers } from "../../sms/worker.server";
import { seedAccounts } from "../../db/seed/accounts";
import { createDemoPki, demoKeysEnabled } from "../../app/signature/demo-keys.server";

/** Largest request body we accept; anything bigger is refused before Remix reads it. */
const MAX_BODY_BYTES = Number(process.env.KOMEK_MAX_BODY_BYTES ?? 2 * 1024 * 1024);

/** Answers given before the app (and its language detection) runs: both languages, Russian first. */
const bilingual = (key: "tooLarge" | "lengthRequired") => `${resources.ru.common.errors[key]}\n${resources.kk.common.errors[key]}`;

export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const port = args.int("port", Number(process.env.PORT ?? 3000));
  if (args.bool("fresh")) {
    // A throw-away database (and PKI) for e2e runs: never touches the developer's data.
    process.env.KOMEK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "komek-e2e-"));
    const fresh = await createFreshDb({ prefix: "komek_e2e", persistentDir: true });
    setDb(fresh);
    const stop = async () => {
      await fresh.drop().catch(() => {});
      fs.rmSync(process.env.KOMEK_DATA_DIR!, { recursive: true, force: true });
      process.exit(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
  const handle = await getDb();
  await migrateDb(handle);
  if (!args.bool("no-seed")) {
    const seeded = await seedDemoIfEmpty(handle.db);
    if (seeded) console.log(`Seeded demo data: ${seeded.persons} persons`);
    await seedAccounts(handle.db);
  }
  if (demoKeysEnabled()) {
    const pki = await createDemoPki();
    if (pki.created) console.log(`Created the development PKI and demo key files in ${pki.dir}`);
  }

  // Sends the SMS outbox, offer reminders and expiry (sms/worker.server.ts).
  const smsWorker = await startWorkers(handle, { origin: `http://localhost:${port}` });

  const buildPath = path.resolve("build/index.js");
  const build = await import(pathToFileURL(buildPath).href);

  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer set TRUST_PROXY (e.g. "1" or "loopback") so req.ip is the client's.
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
  app.use((req, _res, next) => {
    // The only client address the app believes: a header the client cannot set itself.
    req.headers["x-komek-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use((req, res, next) => {
    // Browsers and Twilio always send Content-Length; a chunked body could not be bounded before
    // Remix reads it, so it is refused outright.
    if (req.headers["transfer-encoding"] && req.method !== "GET" && req.method !== "HEAD") {
      res.status(411).type("text/plain; charset=utf-8").send(bilingual("lengthRequired"));
      return;
    }
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.status(413).type("text/plain; charset=utf-8").send(bilingual("tooLarge"));
      return;
    }
    next();
  });
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" }));

  const server = app.listen(port, () => {
    console.log(`Komek listening on http://localhost:${port} (database: ${handle.describe})`);
  });
  const shutdown = () => {
    server.close();
    void (smsWorker?.stop() ?? Promise.resolve()).catch(() => {}).then(() => closeDb()).finally(() => process.exit(0));
  };
  if (!args.bool("fresh")) {
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  }
  await new Promise(() => {});
}
