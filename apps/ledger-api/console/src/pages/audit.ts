import { get } from '../api';
import { card, errorBox, h, table } from '../dom';
import type { Page } from '../page';
import type { Verification } from '../types';

/** GET /v1/audit/verify: hash chains intact, every regularization reproduced; failures listed. */
export function renderAudit(page: Page): void {
  const result = h('div', { id: 'audit-result' });
  const button = h('button', { type: 'button', id: 'run-verify' }, 'Run verification');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Verifying the whole ledger…'));
    try {
      const verification = await get<Verification>('/v1/audit/verify');
      if (page.isCurrent()) result.replaceChildren(...view(verification));
    } catch (error) {
      if (page.isCurrent()) result.replaceChildren(errorBox(error));
    } finally {
      button.disabled = false;
    }
  });
  page.root.append(h('h1', {}, 'Audit'), h('p', { class: 'muted' }, 'Reads the whole log: checks every hash chain and recomputes every recorded regularization under the rules version it recorded.'), button, result);
}

function view(verification: Verification): Node[] {
  return [
    h(
      'div',
      { class: 'cards' },
      card('Result', verification.ok ? 'OK' : `${verification.failures.length} failure(s)`, { 'data-total': 'ok', class: verification.ok ? 'card ok' : 'card bad' }),
      card('Streams checked', String(verification.streamsChecked)),
      card('Events checked', String(verification.eventsChecked)),
      card('Regularizations reproduced', String(verification.regularizationsChecked ?? '—')),
    ),
    verification.failures.length
      ? table(
          ['Stream', 'Revision', 'Kind', 'Detail', 'Expected', 'Stored'],
          verification.failures.map((f) => [f.streamId, f.revision, f.kind, f.detail, JSON.stringify(f.expected ?? null), JSON.stringify(f.actual ?? null)]),
          { id: 'audit-failures' },
        )
      : h('p', { id: 'audit-failures' }, 'No failure.'),
  ];
}
