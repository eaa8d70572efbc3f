/** The largest scan accepted at an intake desk: 5 MiB, a few pages at 200 dpi (the database checks it too). */
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
