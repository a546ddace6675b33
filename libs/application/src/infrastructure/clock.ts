export const CLOCK = Symbol('Clock');

/** The only source of time: the domain gets `today` and `now` from here as arguments. */
export interface Clock {
  /** The current instant, ISO-8601. */
  now(): string;
  /** Today's calendar date in France (Europe/Paris), YYYY-MM-DD. */
  today(): string;
}

const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

const MINUTE_MS = 60_000;

/**
 * France's offsets from UTC are whole hours, so the date in Paris changes only on a minute of UTC: it is
 * worked out once per minute (Intl formatting is a few microseconds, and every query asks for today).
 */
let todayInParis = { date: '', fromMs: 0, untilMs: 0 };

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => {
    const nowMs = Date.now();
    // Outside the minute it was worked out for, later or (the system clock was set back) earlier: again.
    if (nowMs >= todayInParis.untilMs || nowMs < todayInParis.fromMs) {
      const fromMs = nowMs - (nowMs % MINUTE_MS);
      todayInParis = { date: parisDate.format(nowMs), fromMs, untilMs: fromMs + MINUTE_MS };
    }
    return todayInParis.date;
  },
};

/** A clock stopped at a date (tests, seeding a past scenario). */
export function fixedClock(today: string, time = '12:00:00.000Z'): Clock {
  return { now: () => `${today}T${time}`, today: () => today };
}
