import { events } from '../test-support/events';
import { CONTINUATION_ID, JUNE_END, OTHER_STOPPAGE_ID, POLICYHOLDER_ID, SICKNESS_SALARIES, STOPPAGE_ID } from '../test-support/fixtures';
import { histories } from '../test-support/histories';
import { evolve, foldEvents } from './evolve';
import { initialState } from './policyholder-state';

describe('folding a policyholder history', () => {
  it('starts empty', () => expect(initialState()).toEqual({ policyholderId: null, stoppages: new Map() }));

  it('holds an opened stoppage as open, with its facts and no movements', () => {
    const state = foldEvents(histories.openedStoppage());
    expect(state.policyholderId).toBe(POLICYHOLDER_ID);
    expect(state.stoppages.get(STOPPAGE_ID)).toMatchObject({
      status: 'open',
      kind: 'SICKNESS',
      startDate: '2025-06-02',
      endDate: JUNE_END,
      advances: [],
      regularizations: [],
      recoveries: [],
    });
  });

  it('keeps stoppages in opening order', () => {
    const state = foldEvents([
      events.stoppageOpened({ stoppageId: OTHER_STOPPAGE_ID, startDate: '2025-08-01', endDate: '2025-08-10' }),
      events.stoppageOpened({ stoppageId: STOPPAGE_ID }),
    ]);
    expect([...state.stoppages.keys()]).toEqual([OTHER_STOPPAGE_ID, STOPPAGE_ID]);
  });

  it('applies extensions, early ends, certificates and money movements', () => {
    const stoppage = foldEvents([
      ...histories.openedStoppage(),
      events.stoppageExtended({ newEndDate: '2025-07-15' }),
      events.stoppageEndedEarly({ lastDay: '2025-07-05', previousEndDate: '2025-07-15' }),
      events.salaryCertificateRecorded(),
      events.advanceIssued({ amountCents: 30_000 }),
      events.recoveryRecorded({ amountCents: 1_000 }),
    ]).stoppages.get(STOPPAGE_ID);
    expect(stoppage).toMatchObject({
      endDate: '2025-07-15',
      lastDay: '2025-07-05',
      salaries: SICKNESS_SALARIES,
      advances: [{ amountCents: 30_000 }],
      recoveries: [{ amountCents: 1_000 }],
    });
  });

  it('closes a stoppage regularized through its end date', () =>
    expect(foldEvents(histories.closedStoppage()).stoppages.get(STOPPAGE_ID)).toMatchObject({
      status: 'closed',
      closedByRegularizationId: 'regularization-0001',
    }));

  it('keeps it open when regularized through an earlier date', () =>
    expect(
      foldEvents([...histories.certifiedStoppage(), events.stoppageRegularized({ through: '2025-06-29' })]).stoppages.get(STOPPAGE_ID)?.status,
    ).toBe('open'));

  it('closes it when regularized through its early end', () =>
    expect(
      foldEvents([
        ...histories.certifiedStoppage(),
        events.stoppageEndedEarly({ lastDay: '2025-06-10' }),
        events.stoppageRegularized({ through: '2025-06-10' }),
      ]).stoppages.get(STOPPAGE_ID)?.status,
    ).toBe('closed'));

  it('never reopens a closed stoppage', () => {
    const stoppage = foldEvents([
      ...histories.closedStoppage(),
      events.stoppageRegularized({ regularizationId: 'regularization-0002', through: '2025-06-15' }),
    ]).stoppages.get(STOPPAGE_ID);
    expect(stoppage).toMatchObject({ status: 'closed', closedByRegularizationId: 'regularization-0001' });
    expect(stoppage?.regularizations).toHaveLength(2);
  });

  it('ignores events about stoppages it does not hold, and a second opening of the same id', () => {
    const state = foldEvents(histories.openedStoppage());
    expect(evolve(state, events.advanceIssued({ stoppageId: CONTINUATION_ID }))).toBe(state);
    expect(evolve(state, events.stoppageOpened({ kind: 'MATERNITY' }))).toBe(state);
  });

  it('does not change the state it folds from', () => {
    const state = foldEvents(histories.openedStoppage());
    evolve(state, events.advanceIssued());
    expect(state.stoppages.get(STOPPAGE_ID)?.advances).toEqual([]);
  });
});
