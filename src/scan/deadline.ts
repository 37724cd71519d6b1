/** The migration deadline in the report: whole calendar days (UTC) from today to the cut-off. */
import { ScanInputError } from './errors.js';

/** `{date, daysRemaining}` for a YYYY-MM-DD deadline; negative once it has passed. */
export function deadlineInfo(date: string, today: Date = new Date()): { date: string; daysRemaining: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const cutoff = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(cutoff) || new Date(cutoff).toISOString().slice(0, 10) !== date) {
    throw new ScanInputError(`invalid deadline "${date}": expected a calendar date as YYYY-MM-DD`);
  }
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return { date, daysRemaining: Math.round((cutoff - midnight) / 86_400_000) };
}
