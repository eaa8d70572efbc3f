/** Staff-side reads of applications (cases). */
import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import { applications } from "../schema";

export async function findCase(db: Tx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row ?? null;
}
