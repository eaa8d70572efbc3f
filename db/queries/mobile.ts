import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import { mobileNumbers } from "../schema";

/**
 * Puts a number confirmed by a one-time code into the mobile-citizens registry. A number belongs to
 * one person: if someone else has it confirmed, nothing changes.
 */
export async function setMobileNumber(db: Tx, iin: string, phone: string, now: Date): Promise<"saved" | "taken"> {
  const [holder] = await db.select({ iin: mobileNumbers.iin }).from(mobileNumbers).where(eq(mobileNumbers.phone, phone));
  if (holder && holder.iin !== iin) return "taken";
  try {
    // In a savepoint: when the caller's transaction holds more (the code's use), a lost race for the
    // number must not abort it.
    await db.transaction((sp) =>
      sp
        .insert(mobileNumbers)
        .values({ iin, phone, verifiedAt: now })
        .onConflictDoUpdate({ target: mobileNumbers.iin, set: { phone, verifiedAt: now } }),
    );
    return "saved";
  } catch (error) {
    if ((error as { code?: string }).code === "23505") return "taken";
    throw error;
  }
}
