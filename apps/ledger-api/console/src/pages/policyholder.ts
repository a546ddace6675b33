import { ApiProblem, get, post } from '../api';
import { card, dateTime, errorBox, euros, h, link, section, table } from '../dom';
import { field, showProblem, valueOf } from '../forms';
import type { Page } from '../page';
import type { Balance, HistoryEvent } from '../types';
import { statusPanel } from './status';

/**
 * Search by NIR: the NIR goes in a POST body only, and is forgotten once the ledger answered. The page
 * that follows is addressed by the opaque policyholderId.
 */
export function renderPolicyholderSearch(page: Page): void {
  const form = h(
    'form',
    { method: 'post', id: 'nir-search', class: 'command', novalidate: true },
    h('h1', {}, 'Find a policyholder'),
    field({ name: 'nir', label: 'NIR (15 characters, key included)', placeholder: '1 85 05 2A 123 456 78' }),
    h('div', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelectorAll('.field-error, .form-error').forEach((slot) => (slot.textContent = ''));
    const input = form.elements.namedItem('nir') as HTMLInputElement;
    try {
      const { policyholderId } = await post<{ policyholderId: string }>('/v1/policyholders/search', { nir: valueOf(form, 'nir').replace(/\s/gu, '') });
      input.value = '';
      location.hash = `#/policyholders/${policyholderId}`;
    } catch (error) {
      const problem = error instanceof ApiProblem && error.status === 404 ? new ApiProblem(404, 'Not found', '', error.type, [{ field: 'nir', message: 'No policyholder with this NIR.' }]) : error;
      showProblem(form, problem);
    }
  });
  page.root.append(form);
}

export async function renderPolicyholder(page: Page, policyholderId: string): Promise<void> {
  const statusBox = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const balanceBox = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const timelineBox = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  page.root.append(
    h('p', {}, link('#/policyholders', '← another policyholder')),
    h('h1', {}, 'Policyholder ', h('code', {}, policyholderId)),
    section('Where is my money', statusBox),
    section('Balance', balanceBox),
    section('Timeline', timelineBox),
  );
  void statusPanel(policyholderId).then((panel) => page.isCurrent() && statusBox.replaceChildren(panel));
  const [balance, history] = await Promise.allSettled([
    get<Balance>(`/v1/policyholders/${encodeURIComponent(policyholderId)}/balance`),
    get<HistoryEvent[]>(`/v1/policyholders/${encodeURIComponent(policyholderId)}/history`),
  ]);
  if (!page.isCurrent()) return;
  balanceBox.replaceChildren(...(balance.status === 'fulfilled' ? balanceView(balance.value) : [errorBox(balance.reason)]));
  timelineBox.replaceChildren(
    history.status === 'fulfilled'
      ? timeline(history.value)
      : errorBox(history.reason instanceof ApiProblem && history.reason.status === 403 ? 'The timeline needs the auditor role.' : history.reason),
  );
}

function balanceView(balance: Balance): Node[] {
  return [
    h(
      'div',
      { class: 'cards', id: 'policyholder-balance' },
      card('Entitlement', euros(balance.entitlementCents)),
      card('Paid', euros(balance.paidCents)),
      card('Balance due', euros(balance.balanceCents), { 'data-total': 'balance' }),
      card('Overpayment outstanding', euros(balance.overpaymentOutstandingCents)),
    ),
    h('p', { class: 'muted' }, `Through ${balance.through} under rules ${balance.rulesVersion}.`),
    table(
      ['Stoppage', 'Kind', 'Status', 'Entitlement', 'Paid', 'Balance', 'Overpayment'],
      balance.stoppages.map((stoppage) => [
        link(`#/stoppages/${stoppage.stoppageId}`, stoppage.stoppageId, { class: 'stoppage-link', 'data-status': stoppage.status }),
        stoppage.kind,
        `${stoppage.status} (${stoppage.entitlementStatus})`,
        euros(stoppage.entitlementCents),
        euros(stoppage.paidCents),
        euros(stoppage.balanceCents),
        euros(stoppage.overpaymentOutstandingCents),
      ]),
      { id: 'policyholder-stoppages' },
    ),
  ];
}

/** Every event, newest first: who, when, which rules version, and what it said. */
function timeline(events: HistoryEvent[]): HTMLElement {
  return h(
    'ol',
    { class: 'timeline', id: 'timeline', reversed: true },
    ...[...events].reverse().map((event) =>
      h(
        'li',
        { 'data-type': event.type },
        h('div', { class: 'timeline-head' }, h('strong', {}, event.type), ` #${event.position} · ${dateTime(event.recordedAt)} · by `, h('code', {}, event.actor), event.rulesVersion ? ` · rules ${event.rulesVersion}` : ''),
        h('div', { class: 'timeline-data' }, summary(event.data)),
      ),
    ),
  );
}

function summary(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([name]) => name !== 'policyholderId')
    .map(([name, value]) => `${name}: ${typeof value === 'number' && name.endsWith('Cents') ? euros(value) : typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}
