// Time in the suites: Playwright's clock is installed at a known working-day
// morning in Kazakhstan, so ages, deadlines, expiry and lock-outs do not
// depend on the day the suite runs. Kazakhstan is UTC+5 (since 1 March 2024).

/** Tuesday 24 November 2026, 10:00 in Kazakhstan (UTC+5): a working day. */
export const NOW = new Date('2026-11-24T10:00:00+05:00');
export const THIS_YEAR = 2026;

/** A time as the app shows it: dd.mm.yyyy hh:mm (in 2026). */
export const TIME = /^\d{2}\.\d{2}\.2026 \d{2}:\d{2}$/;

/** HH:MM in Kazakhstan time of a Unix time in ms. */
export function kzClock(ms) {
  const d = new Date(ms + 5 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** dd.mm.yyyy hh:mm → a comparable number (yyyymmddhhmm). */
export const sortable = (t) => Number(t.replace(/^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/, '$3$2$1$4$5'));

/** dd.mm.yyyy hh:mm (Kazakhstan) → Unix ms. */
export const toMs = (t) => Date.parse(t.replace(/^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/, '$3-$2-$1T$4:$5:00+05:00'));
