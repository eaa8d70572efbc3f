/**
 * The bench's figures and how they are printed: one table for people, one JSON object per line for
 * machines (`{"name","value","unit","baseline","ratio","persons"}`).
 */
export type FigureName = "proactive_scan" | "submit" | "sms_inbound" | "lookup_p50" | "lookup_p95" | "cabinet";

export type Figure = {
  name: FigureName;
  value: number;
  unit: "s" | "ms" | "req/s";
  baseline: number;
  /**
   * How many times the baseline's cost one unit of the workload takes: time ÷ baseline time, or for a
   * rate, baseline rate ÷ rate. 1 is "as fast as the bare hardware path"; bigger is slower.
   */
  ratio: number;
  persons: number;
  /** For the table only: what the baseline is, and what the workload did. */
  baselineLabel: string;
  detail?: string;
};

/** The six keys of the JSON line, in the documented order. */
export function jsonLine(f: Figure): string {
  const { name, value, unit, baseline, ratio, persons } = f;
  return JSON.stringify({ name, value, unit, baseline, ratio, persons });
}

export function figure(
  name: FigureName,
  unit: Figure["unit"],
  value: number,
  baseline: number,
  persons: number,
  baselineLabel: string,
  detail?: string,
): Figure {
  const ratio = unit === "req/s" ? baseline / value : value / baseline;
  return { name, unit, value: round(value), baseline: round(baseline), ratio: round(ratio, 2), persons, baselineLabel, detail };
}

export function round(v: number, digits = 3): number {
  if (!Number.isFinite(v)) return v;
  const places = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : digits;
  return Number(v.toFixed(places));
}

/** The figures as an aligned text table, with the run's circumstances above it. */
export function table(figures: Figure[], header: string[]): string {
  const rows = [
    ["figure", "value", "unit", "baseline", "ratio", "baseline is", "what ran"],
    ...figures.map((f) => [f.name, String(f.value), f.unit, String(f.baseline), `${f.ratio}×`, f.baselineLabel, f.detail ?? ""]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const numeric = new Set([1, 3, 4]);
  const lines = rows.map((r) => r.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd());
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return [...header, "", ...lines, ""].join("\n");
}

/**
 * A timer for step-by-step benchmarks: runs `body`, writes "  <what>  <seconds> s" through `log`
 * and returns the value with the milliseconds it took (bench lists, bench payments).
 */
export function stepTimer(log: (line: string) => void) {
  return async <T>(what: string, body: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const t0 = performance.now();
    const value = await body();
    const ms = performance.now() - t0;
    log(`  ${what.padEnd(34)} ${(ms / 1000).toFixed(2)} s`);
    return { value, ms };
  };
}
