import { PARAMETERS_2026 } from '../parameters';
import { releaseRulesVersion } from './release-rules-version';

/**
 * Rules 2026.1 — DEFECTIVE, kept forever so that past payments replay to the cent.
 * Same parameters and calculators as 2026.2; only the behaviour flag differs.
 */
export const RULES_2026_1 = releaseRulesVersion({
  version: '2026.1',
  releasedOn: '2026-03-02',
  notes:
    'First release of ij-rules.md (2024–2026 parameters). KNOWN DEFECT, fixed in 2026.2: behaviour flag ' +
    'sicknessCapSelectedBy = PAID_DAY_DATE chooses the sickness salary cap (1.8 / 1.4 × SMIC, Décret 2025-160) and ' +
    "the published sickness maximum by the date of each paid day instead of the chain's start date. Sickness and " +
    'therapeutic part-time stoppages that STARTED before 2025-04-01 were therefore paid with the 1.4 × SMIC cap and ' +
    'the 41.47 € maximum for their days from 2025-04-01 (and any chain crossing 2026-02-01 got the 41.95 € row from that day).',
  parameters: PARAMETERS_2026,
  behaviour: { sicknessCapSelectedBy: 'PAID_DAY_DATE' },
});
