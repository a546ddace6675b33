import { ApiProblem, get } from '../api';
import { card, errorBox, euros, h, link } from '../dom';
import type { PolicyholderStatus, StoppageStatus } from '../types';

const WAITING_FOR: Record<string, string> = { EMPLOYER: 'the employer', FUND: 'the fund', BANK: 'the bank', POLICYHOLDER: 'the policyholder' };

/** "Where is my money": what a clerk reads out on the phone, one block per stoppage. */
export async function statusPanel(policyholderId: string): Promise<Node> {
  try {
    const status = await get<PolicyholderStatus>(`/v1/policyholders/${encodeURIComponent(policyholderId)}/status`);
    return h(
      'div',
      { id: 'policyholder-status' },
      h('div', { class: 'cards' }, card('Days without income', String(status.daysWithoutIncome), { 'data-total': 'days-without-income', class: status.daysWithoutIncome > 30 ? 'card bad' : 'card' }), card('As of', status.asOf)),
      ...status.stoppages.map(stoppageBlock),
    );
  } catch (error) {
    return errorBox(error instanceof ApiProblem && error.status === 403 ? 'The status needs the clerk role.' : error);
  }
}

function stoppageBlock(status: StoppageStatus): HTMLElement {
  const blocked = status.blockedBy;
  return h(
    'article',
    { class: `status-block${blocked ? ' blocked' : ''}`, 'data-stoppage': status.stoppageId, 'data-code': status.message.code, 'data-waiting-for': blocked?.waitingFor },
    h('h3', {}, link(`#/stoppages/${status.stoppageId}`, `${status.kind} ${status.startDate} → ${status.endDate}`)),
    h('p', { class: 'status-sentence', lang: 'fr' }, status.message.text),
    h(
      'dl',
      { class: 'status-facts' },
      h('dt', {}, 'Paid through'), h('dd', {}, status.paidThrough ?? '—'),
      h('dt', {}, 'Pending'), h('dd', { 'data-field': 'pending' }, status.pendingKnown ? euros(status.pendingCents) : 'not computable yet'),
      h('dt', {}, 'Next payment'), h('dd', { 'data-field': 'next-payment' }, status.nextPaymentOn ?? '—'),
      h('dt', {}, 'Blocked by'), h('dd', { 'data-field': 'blocked-by' }, blocked ? `${blocked.reason} since ${blocked.since} — waiting for ${WAITING_FOR[blocked.waitingFor]}` : '—'),
      h('dt', {}, 'Days without income'), h('dd', {}, String(status.daysWithoutIncome)),
    ),
  );
}
