// Calendar days of written dates. A date's written day is used as is, so a time zone offset in an
// ISO date-time never moves an assessment to another day.

const MS_PER_DAY = 86_400_000;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** The calendar date written at the start of a date or date-time string ("2025-03-04T…" → "2025-03-04"). */
export function dayOf(date: string): string {
  return date.slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written in date[from, to) in decimal digits, or -1 when a character is not a digit. */
function digitsAt(date: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function dayNumber(year: number, month: number, day: number): number | null {
  // Checked by arithmetic rather than a Date object: the worklist reads every score of a team through here, and
  // constructing Dates (which Next.js wraps on the server) dominated its profile.
  // Date.UTC reads years 0–99 as 1900–1999: such a date was never accepted.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Day number (days since 1970-01-01) of the calendar date written at the start of the string, or null when it is not a real date. */
export function calendarDay(date: string): number | null {
  // A bare YYYY-MM-DD (how the database and the forms write dates) is read digit by digit: the timelines call
  // this for every score, and the regular expression, trim and array it replaces showed in the worklist's profile.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digitsAt(date, 0, 4);
    const month = digitsAt(date, 5, 7);
    const day = digitsAt(date, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return dayNumber(year, month, day);
  }
  const match = DATE_PREFIX.exec(date.trim());
  if (!match) return null;
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Weeks from startDate to takenOn: calendar days / 7, not rounded. Null when either date is unreadable. */
export function weeksSince(startDate: string, takenOn: string): number | null {
  const start = calendarDay(startDate);
  const taken = calendarDay(takenOn);
  return start === null || taken === null ? null : (taken - start) / 7;
}
