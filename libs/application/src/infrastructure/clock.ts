export const CLOCK = Symbol('Clock');

/** The only source of time: the domain gets `today` and `now` from here as arguments. */
export interface Clock {
  /** The current instant, ISO-8601. */
  now(): string;
  /** Today's calendar date in France (Europe/Paris), YYYY-MM-DD. */
  today(): string;
}

const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => parisDate.format(new Date()),
};

/** A clock stopped at a date (tests, seeding a past scenario). */
export function fixedClock(today: string, time = '12:00:00.000Z'): Clock {
  return { now: () => `${today}T${time}`, today: () => today };
}
