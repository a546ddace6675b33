import type { AnnulStoppage, RequalifyStoppage } from '../commands/commands';
import type { StoppageAnnulled, StoppageRequalified } from '../events/late-fact-events';
import { STOPPAGE_ID, TODAY } from './fixtures';

/** Late-fact events and commands with every field a test does not care about filled in. */
export const lateEvents = {
  stoppageRequalified: (data: Partial<StoppageRequalified['data']> = {}): StoppageRequalified => ({
    type: 'StoppageRequalified',
    schemaVersion: 1,
    data: {
      stoppageId: STOPPAGE_ID,
      stoppageIds: [STOPPAGE_ID],
      previousKind: 'SICKNESS',
      kind: 'OCCUPATIONAL_ACCIDENT',
      accidentDate: '2025-06-01',
      recognizedOn: '2025-09-15',
      recordedOn: TODAY,
      ...data,
    },
  }),

  stoppageAnnulled: (data: Partial<StoppageAnnulled['data']> = {}): StoppageAnnulled => ({
    type: 'StoppageAnnulled',
    schemaVersion: 1,
    data: { stoppageId: STOPPAGE_ID, reason: 'entered on the wrong policyholder', annulledOn: TODAY, ...data },
  }),
};

export const lateCommands = {
  requalifyStoppage: (fields: Partial<Omit<RequalifyStoppage, 'type'>> = {}): RequalifyStoppage => ({
    type: 'RequalifyStoppage',
    stoppageId: STOPPAGE_ID,
    kind: 'OCCUPATIONAL_ACCIDENT',
    accidentDate: '2025-06-01',
    recognizedOn: '2025-09-15',
    ...fields,
  }),

  annulStoppage: (fields: Partial<Omit<AnnulStoppage, 'type'>> = {}): AnnulStoppage => ({
    type: 'AnnulStoppage',
    stoppageId: STOPPAGE_ID,
    reason: 'entered on the wrong policyholder',
    ...fields,
  }),
};
