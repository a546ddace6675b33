import type { StoppageFacts } from '@ij/rules';
import { definedOnly } from '../events/ledger-event';
import type { StoppageState } from '../state/policyholder-state';

/** The facts of one stoppage as recorded on it, with its own certificate only. */
export function ownStoppageFacts(stoppage: StoppageState): StoppageFacts {
  return definedOnly<StoppageFacts>({
    stoppageId: stoppage.stoppageId,
    kind: stoppage.kind,
    startDate: stoppage.startDate,
    endDate: stoppage.endDate,
    lastDay: stoppage.lastDay,
    prescribedOn: stoppage.prescribedOn,
    prolongationOf: stoppage.prolongationOf,
    aldAffectionId: stoppage.aldAffectionId,
    accidentDate: stoppage.accidentDate,
    dailyLossOfEarningsCents: stoppage.dailyLossOfEarningsCents,
    salaries: stoppage.salaries?.map((salary) => ({ ...salary })),
  });
}
