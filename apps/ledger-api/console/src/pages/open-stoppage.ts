import { post } from '../api';
import { centsOf, h } from '../dom';
import { commandForm, field, filled, selectField, valueOf } from '../forms';
import type { Page } from '../page';

const KINDS = ['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE', 'MATERNITY', 'PATERNITY', 'THERAPEUTIC_PART_TIME'] as const;

/** OpenStoppage: the NIR goes in the body only; once opened, the stoppage's page follows (addressed by its id). */
export function renderOpenStoppage(page: Page): void {
  const form = commandForm({
    title: 'Open a stoppage',
    name: 'open-stoppage',
    submitLabel: 'Open stoppage',
    fields: [
      field({ name: 'stoppageId', label: 'Stoppage id (UUID)', value: crypto.randomUUID() }),
      field({ name: 'nir', label: 'NIR (15 characters, key included)', placeholder: '1 85 05 2A 123 456 78' }),
      selectField({ name: 'kind', label: 'Kind', options: KINDS, value: 'SICKNESS' }),
      field({ name: 'startDate', label: 'Start date', type: 'date' }),
      field({ name: 'endDate', label: 'End date', type: 'date' }),
      field({ name: 'prescribedOn', label: 'Prescribed on (optional)', type: 'date' }),
      field({ name: 'prolongationOf', label: 'Prolongation of (stoppage id, optional)' }),
      field({ name: 'ald.affectionId', label: 'Long-term illness affection (optional)', placeholder: 'ALD-30' }),
      field({ name: 'accidentDate', label: 'Accident date (occupational only)', type: 'date' }),
      field({ name: 'dailyLossOfEarningsCents', label: 'Daily loss of earnings (€, therapeutic part-time)', placeholder: '25,00' }),
      field({ name: 'employerId', label: "Employer's SIRET (optional)", placeholder: '14 digits' }),
    ],
    submit: async (form, key) => {
      const affectionId = valueOf(form, 'ald.affectionId');
      const loss = valueOf(form, 'dailyLossOfEarningsCents');
      const body = filled({
        stoppageId: valueOf(form, 'stoppageId'),
        nir: valueOf(form, 'nir').replace(/\s/gu, ''),
        kind: valueOf(form, 'kind'),
        startDate: valueOf(form, 'startDate'),
        endDate: valueOf(form, 'endDate'),
        prescribedOn: valueOf(form, 'prescribedOn'),
        prolongationOf: valueOf(form, 'prolongationOf'),
        ald: affectionId ? { affectionId } : undefined,
        accidentDate: valueOf(form, 'accidentDate'),
        dailyLossOfEarningsCents: loss ? centsOf(loss) : undefined,
        employerId: valueOf(form, 'employerId'),
      });
      const { stoppageId } = await post<{ stoppageId: string }>('/v1/stoppages', body, key);
      (form.elements.namedItem('nir') as HTMLInputElement).value = '';
      location.hash = `#/stoppages/${stoppageId}`;
      return `Stoppage ${stoppageId} opened.`;
    },
  });
  page.root.append(h('h1', {}, 'New stoppage'), form);
}
