import { integer, numeric, text, char, pgTable, primaryKey } from "drizzle-orm/pg-core";

/**
 * Yearly social parameters (МРП, subsistence minimum, poverty line) as dated data with their source.
 * `regionKato` is '000000000' for the national value; a region may override it.
 */
export const yearlyParameters = pgTable(
  "yearly_parameters",
  {
    year: integer("year").notNull(),
    regionKato: char("region_kato", { length: 9 }).notNull().default("000000000"),
    mrp: integer("mrp").notNull(),
    subsistenceMinimum: integer("subsistence_minimum").notNull(),
    povertyLineShare: numeric("poverty_line_share", { precision: 4, scale: 3 }).notNull(),
    povertyLine: integer("poverty_line").notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.regionKato] })],
);

export type YearlyParameters = typeof yearlyParameters.$inferSelect;
export type NewYearlyParameters = typeof yearlyParameters.$inferInsert;
