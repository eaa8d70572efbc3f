import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { parseArgs } from "../args";
import { getDb, migrateDb, setDb, closeDb } from "../../db/client";
import { createFreshDb } from "../../db/testing";
import { seedDemoIfEmpty } from "../../db/seed/demo";

/** Largest request body we accept; anything bigger is refused before Remix reads it. */
const MAX_BODY_BYTES = Number(process.env.KOMEK_MAX_BODY_BYTES ?? 2 * 1024 * 1024);

export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const port = args.int("port", Number(process.env.PORT ?? 3000));
  if (args.bool("fresh")) {
    // A throw-away database for e2e runs: never touches the developer's data.
    const fresh = await createFreshDb({ prefix: "komek_e2e", persistentDir: true });
    setDb(fresh);
    const stop = async () => {
      await fresh.drop().catch(() => {});
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
  }

  const buildPath = path.resolve("build/index.js");
  const build = await import(pathToFileURL(buildPath).href);

  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.status(413).type("text/plain; charset=utf-8").send("Request body too large / Сұрау денесі тым үлкен");
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
    void closeDb().finally(() => process.exit(0));
  };
  if (!args.bool("fresh")) {
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  }
  await new Promise(() => {});
}
