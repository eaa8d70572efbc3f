import { makeIin } from "../../app/domain/iin";

/** Distinct valid IINs for tests: born on consecutive days from `from`, serials from `serialBase`. */
export function testIins(count: number, serialBase = 7000, from = "1980-01-01"): string[] {
  const out: string[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  for (let i = 0; out.length < count; i++) {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    for (let s = serialBase; s < serialBase + 20; s++) {
      const iin = makeIin(day, i % 2 ? "F" : "M", s);
      if (iin) {
        out.push(iin);
        break;
      }
    }
  }
  return out;
}
