import { get, post } from '../api';
import { card, centsOf, errorBox, euros, h, link, section, table } from '../dom';
import { commandForm, field, valueOf } from '../forms';
import type { Page } from '../page';
import type { Entitlement, Rules, Stoppage } from '../types';
import { calendar } from './calendar';
import { lateFactForms } from './late-fact-forms';

/** A stoppage: facts, the calendar and steps of its explained entitlement, payments, and the clerk's commands. */
export async function renderStoppage(page: Page, stoppageId: string): Promise<void> {
  const path = `/v1/stoppages/${stoppageId}`;
  const facts = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const explanation = h('div', {});
  const payments = h('div', {});
  const explainForm = h('form', { class: 'toolbar', method: 'post', id: 'explain-form' });
  page.root.append(
    h('h1', {}, 'Stoppage ', h('code', {}, stoppageId)),
    facts,
    section('Explained entitlement', explainForm, explanation),
    section('Payments', payments),
    section('Commands', h('div', { class: 'commands' }, ...commandForms(path, () => void refresh()))),
  );

  let rules: Rules | undefined;
  async function refresh(): Promise<void> {
    const query = { through: valueOf(explainForm, 'through'), rulesVersion: valueOf(explainForm, 'rulesVersion') };
    try {
      const [stoppage, entitlement, knownRules] = await Promise.all([get<Stoppage>(path), get<Entitlement>(`${path}/entitlement`, query), rules ?? get<Rules>('/v1/rules')]);
      if (!page.isCurrent()) return;
      if (!rules) explainForm.replaceChildren(...explainControls((rules = knownRules)), h('button', { type: 'submit' }, 'Explain'));
      facts.replaceChildren(...factsView(stoppage));
      explanation.replaceChildren(...explanationView(entitlement));
      payments.replaceChildren(paymentsView(stoppage));
    } catch (error) {
      if (page.isCurrent()) facts.replaceChildren(errorBox(error));
    }
  }
  explainForm.addEventListener('submit', (event) => (event.preventDefault(), void refresh()));
  await refresh();
}

function explainControls(rules: Rules): HTMLElement[] {
  return [
    h('label', { for: 'explain-through' }, 'Through '),
    h('input', { type: 'date', id: 'explain-through', name: 'through' }),
    h('label', { for: 'explain-rules' }, ' Rules version '),
    h(
      'select',
      { id: 'explain-rules', name: 'rulesVersion' },
      h('option', { value: '' }, `active (${rules.active})`),
      ...rules.versions.map(({ version }) => h('option', { value: version }, version)),
    ),
  ];
}

function factsView(stoppage: Stoppage): Node[] {
  const rows: [string, string | undefined][] = [
    ['Policyholder', undefined],
    ['Kind', stoppage.kind],
    ['Status', `${stoppage.status} (${stoppage.entitlementStatus})`],
    ['Period', `${stoppage.startDate} → ${stoppage.endDate}`],
    ['Last day (early end)', stoppage.lastDay],
    ['Employer (SIRET)', stoppage.employerId],
    ['Annulled', stoppage.annulled && `on ${stoppage.annulled.annulledOn}: ${stoppage.annulled.reason}`],
    ['Requalified', stoppage.requalifications?.map((change) => `${change.previousKind} → ${change.kind} (recognised ${change.recognizedOn})`).join('; ')],
    ['Prescribed on', stoppage.prescribedOn],
    ['Opened on', stoppage.openedOn],
    ['Prolongation of', stoppage.prolongationOf],
    ['ALD affection', stoppage.ald?.affectionId],
    ['Accident date', stoppage.accidentDate],
    ['Salaries', stoppage.salaries?.map((salary) => `${salary.month}: ${euros(salary.grossCents)}`).join(', ') || 'no salary certificate yet'],
  ];
  return [
    h(
      'div',
      { class: 'cards', id: 'stoppage-balance' },
      card('Entitlement', euros(stoppage.entitlementCents)),
      card('Paid', euros(stoppage.paidCents), { 'data-total': 'paid' }),
      card('Balance due', euros(stoppage.balanceCents), { 'data-total': 'balance' }),
      card('Overpayment outstanding', euros(stoppage.overpaymentOutstandingCents)),
    ),
    h('p', { class: 'muted' }, `Through ${stoppage.through} under rules ${stoppage.rulesVersion}.`),
    h(
      'dl',
      { class: 'facts' },
      ...rows
        .filter(([name, value]) => name === 'Policyholder' || value !== undefined)
        .flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, name === 'Policyholder' ? link(`#/policyholders/${stoppage.policyholderId}`, stoppage.policyholderId) : value!)]),
    ),
  ];
}

function explanationView(entitlement: Entitlement): Node[] {
  return [
    h(
      'div',
      { class: 'cards' },
      card('Rules version', entitlement.rulesVersion),
      card('Through', entitlement.through),
      card('Daily base', euros(entitlement.dailyBaseCents)),
      card('Entitlement', euros(entitlement.entitlementCents)),
    ),
    h('h3', {}, 'Calendar'),
    calendar(entitlement.days),
    h('h3', {}, 'Computation steps'),
    table(
      ['#', 'Step', 'Value', 'Legal reference'],
      entitlement.steps.map((step, index) => [index + 1, step.label, step.value, h('span', { class: 'legal-ref' }, step.legalRef)]),
      { id: 'steps' },
    ),
  ];
}

function paymentsView(stoppage: Stoppage): HTMLElement {
  const rows = [
    ...stoppage.advances.map((advance) => [advance.issuedOn, 'Advance', euros(advance.amountCents), advance.reason, '']),
    ...stoppage.regularizations.map((r) => [
      r.regularizedOn,
      `Regularization (${r.outcome})`,
      euros(r.deltaCents),
      `through ${r.through}: entitlement ${euros(r.entitlementCents)}, paid before ${euros(r.paidBeforeCents)}`,
      r.rulesVersion,
    ]),
    ...stoppage.recoveries.map((recovery) => [recovery.recoveredOn ?? '', 'Recovery', euros(recovery.amountCents), '', '']),
  ].sort((first, second) => first[0].localeCompare(second[0]));
  return rows.length ? table(['Date', 'What', 'Amount', 'Detail', 'Rules'], rows, { id: 'payments' }) : h('p', { class: 'muted', id: 'payments' }, 'No payment yet.');
}

/** The three months before the start, as a convenience for the certificate form. */
function monthsBefore(startDate: string | undefined, count: number): string[] {
  if (!startDate) return Array.from({ length: count }, () => '');
  const [year, month] = startDate.split('-').map(Number);
  return Array.from({ length: count }, (_, index) => {
    const total = year * 12 + (month - 1) - (count - index);
    return `${(total - (total % 12)) / 12}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

function commandForms(path: string, changed: () => void): HTMLFormElement[] {
  const done = (message: string) => (changed(), message);
  const certificateRows = [0, 1, 2];
  const certificate = commandForm({
    title: 'Record salary certificate',
    name: 'salary-certificate',
    submitLabel: 'Record certificate',
    fields: certificateRows.map((row) =>
      h(
        'div',
        { class: 'row' },
        field({ name: `salaries.${row}.month`, label: `Month ${row + 1}`, placeholder: 'YYYY-MM' }),
        field({ name: `salaries.${row}.grossCents`, label: 'Gross (€)', placeholder: '2500,00' }),
      ),
    ),
    submit: async (form, key) => {
      const salaries = certificateRows
        .map((row) => ({ month: valueOf(form, `salaries.${row}.month`), grossCents: centsOf(valueOf(form, `salaries.${row}.grossCents`)) }))
        .filter((salary) => salary.month || salary.grossCents !== '');
      await post(`${path}/salary-certificate`, { salaries }, key);
      return done('Certificate recorded.');
    },
  });
  // Suggest the reference months once the facts are known (the user may change them).
  void get<Stoppage>(path).then((stoppage) =>
    monthsBefore(stoppage.startDate, 3).forEach((month, row) => {
      const input = certificate.elements.namedItem(`salaries.${row}.month`) as HTMLInputElement;
      if (!input.value) input.value = month;
    }),
  ).catch(() => undefined);

  return [
    commandForm({
      title: 'Issue advance',
      name: 'advance',
      submitLabel: 'Issue advance',
      fields: [field({ name: 'amountCents', label: 'Amount (€)', placeholder: '50,00' }), field({ name: 'reason', label: 'Reason', placeholder: 'salary certificate not received' })],
      submit: async (form, key) => {
        const { advanceId } = await post<{ advanceId: string }>(`${path}/advances`, { amountCents: centsOf(valueOf(form, 'amountCents')), reason: valueOf(form, 'reason') }, key);
        return done(`Advance ${advanceId} issued.`);
      },
    }),
    commandForm({
      title: 'Regularize',
      name: 'regularize',
      submitLabel: 'Regularize',
      fields: [field({ name: 'through', label: 'Through', type: 'date' })],
      submit: async (form, key) => {
        const result = await post<{ outcome: string; deltaCents: number; rulesVersion: string }>(`${path}/regularizations`, { through: valueOf(form, 'through') }, key);
        return done(`${result.outcome}: ${euros(result.deltaCents)} under rules ${result.rulesVersion}.`);
      },
    }),
    commandForm({
      title: 'Extend',
      name: 'extend',
      submitLabel: 'Extend',
      fields: [field({ name: 'newEndDate', label: 'New end date', type: 'date' }), field({ name: 'prescribedOn', label: 'Prescribed on (optional)', type: 'date' })],
      submit: async (form, key) => {
        const prescribedOn = valueOf(form, 'prescribedOn');
        await post(`${path}/extensions`, { newEndDate: valueOf(form, 'newEndDate'), ...(prescribedOn ? { prescribedOn } : {}) }, key);
        return done('Stoppage extended.');
      },
    }),
    certificate,
    ...lateFactForms(path, done),
  ];
}
