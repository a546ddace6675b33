import { post } from '../api';
import { centsOf, euros } from '../dom';
import { commandForm, field, filled, selectField, valueOf } from '../forms';

/** The kinds a requalification moves between (api.md "Late facts"). */
const REQUALIFIABLE_KINDS = ['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE'] as const;

/** Early end, recovery, requalification and annulment (a supervisor's) of one stoppage. */
export function lateFactForms(path: string, done: (message: string) => string): HTMLFormElement[] {
  return [
    commandForm({
      title: 'End early (return to work)',
      name: 'early-end',
      submitLabel: 'Record early end',
      fields: [field({ name: 'lastDay', label: 'Last day of incapacity', type: 'date', hint: 'also after the stoppage was paid in full: the next regularization assesses the overpayment' })],
      submit: async (form, key) => {
        const result = await post<{ lastDay: string; previousEndDate: string }>(`${path}/early-end`, { lastDay: valueOf(form, 'lastDay') }, key);
        return done(`Ended early on ${result.lastDay} (was ${result.previousEndDate}).`);
      },
    }),
    commandForm({
      title: 'Record recovery',
      name: 'recovery',
      submitLabel: 'Record recovery',
      fields: [field({ name: 'amountCents', label: 'Amount recovered (€)', placeholder: '50,00' })],
      submit: async (form, key) => {
        const amountCents = centsOf(valueOf(form, 'amountCents'));
        await post(`${path}/recoveries`, { amountCents }, key);
        return done(`Recovery of ${typeof amountCents === 'number' ? euros(amountCents) : amountCents} recorded.`);
      },
    }),
    commandForm({
      title: 'Requalify',
      name: 'requalification',
      submitLabel: 'Requalify',
      fields: [
        selectField({ name: 'kind', label: 'New kind', options: REQUALIFIABLE_KINDS, blank: '— choose —' }),
        field({ name: 'accidentDate', label: 'Accident date (occupational accident only)', type: 'date' }),
        field({ name: 'recognizedOn', label: 'Recognised (or refused) on', type: 'date' }),
      ],
      submit: async (form, key) => {
        const body = filled({ kind: valueOf(form, 'kind'), accidentDate: valueOf(form, 'accidentDate'), recognizedOn: valueOf(form, 'recognizedOn') });
        const result = await post<{ previousKind: string; kind: string }>(`${path}/requalification`, body, key);
        return done(`Requalified from ${result.previousKind} to ${result.kind}.`);
      },
    }),
    commandForm({
      title: 'Annul (supervisor)',
      name: 'annulment',
      submitLabel: 'Annul stoppage',
      fields: [field({ name: 'reason', label: 'Reason (entered in error)', placeholder: 'entered on the wrong policyholder' })],
      submit: async (form, key) => {
        await post(`${path}/annulment`, filled({ reason: valueOf(form, 'reason') }), key);
        return done('Stoppage annulled: what was paid becomes an overpayment at its next regularization.');
      },
    }),
  ];
}
