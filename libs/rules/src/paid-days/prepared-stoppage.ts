import { toEpochDay } from '../dates';
import type { StoppageFacts } from '../rules.types';

/** A stoppage with its dates turned into epoch days once. */
export interface PreparedStoppage {
  index: number;
  facts: StoppageFacts;
  startEpochDay: number;
  endEpochDay: number;
  /** The last day due: `lastDay` after an early end, else the prescribed end. */
  effectiveEndEpochDay: number;
}

export function prepareStoppages(stoppages: readonly StoppageFacts[]): PreparedStoppage[] {
  return stoppages.map((facts, index) => {
    const startEpochDay = toEpochDay(facts.startDate);
    const endEpochDay = toEpochDay(facts.endDate);
    const lastDayEpochDay = facts.lastDay === undefined ? endEpochDay : toEpochDay(facts.lastDay);
    return { index, facts, startEpochDay, endEpochDay, effectiveEndEpochDay: Math.min(endEpochDay, lastDayEpochDay) };
  });
}
