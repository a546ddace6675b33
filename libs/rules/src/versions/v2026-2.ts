import { PARAMETERS_2026 } from '../parameters';
import { releaseRulesVersion } from './release-rules-version';

/** Rules 2026.2 — the current, correct release. */
export const RULES_2026_2 = releaseRulesVersion({
  version: '2026.2',
  releasedOn: '2026-11-23',
  notes:
    'Fixes the defect of 2026.1: the sickness salary cap and the published sickness maximum are chosen by the start ' +
    "date of the stoppage's chain (behaviour flag sicknessCapSelectedBy = CHAIN_START_DATE, ij-rules §2 and §4), so a " +
    'stoppage that started up to 2025-03-31 keeps the 1.8 × SMIC cap for all its days. Parameters unchanged from 2026.1.',
  parameters: PARAMETERS_2026,
  behaviour: { sicknessCapSelectedBy: 'CHAIN_START_DATE' },
});
