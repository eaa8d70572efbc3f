import { parseArgs } from "../args";
import { createDb, dbOptionsFromEnv, migrateDb } from "../../db/client";
import { loadPopulation } from "../../db/seed/load";
import { seedDemoIfEmpty, seedReferenceData } from "../../db/seed/demo";
import { toIsoDate } from "../../db/seed/generate";

/**
 * `komek seed --persons N [--seed S] [--demo] [--date YYYY-MM-DD]`: migrate, then add N generated
 * persons (deterministic per seed) to the registry stand-in; --demo first adds the demo families.
 */
export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const count = args.int("persons", 10_000);
  const seed = args.int("seed", 1);
  const referenceDate = args.str("date") ?? toIsoDate(Date.now());
  if (count < 0) throw new Error("--persons must not be negative");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new Error(`--date must be YYYY-MM-DD, got "${referenceDate}"`);

  // COPY keeps one connection per registry table busy at once.
  const handle = await createDb({ ...dbOptionsFromEnv(), max: 12 });
  const started = performance.now();
  const tty = process.stderr.isTTY;
  try {
    await migrateDb(handle);
    await seedReferenceData(handle.db);
    if (args.bool("demo")) await seedDemoIfEmpty(handle.db, { referenceDate, generatedPersons: 0 });
    let shown = -1;
    const result = await loadPopulation(handle, {
      seed, persons: count, referenceDate,
      onProgress: ({ persons }) => {
        if (!tty || count === 0) return;
        const percent = Math.floor((persons / count) * 100);
        if (percent !== shown) {
          shown = percent;
          process.stderr.write(`\rseeding ${handle.describe}: ${percent}% (${persons.toLocaleString("en")} persons)`);
        }
      },
    });
    if (tty) process.stderr.write("\n");
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${result.persons} persons in ${result.households} households (${result.rows} rows, ${result.method}) in ${seconds} s — seed ${seed}, reference date ${referenceDate}, ${handle.describe}`);
  } finally {
    await handle.close();
  }
}
