import { downloadCsv, get, post } from '../api';
import { card, errorBox, euros, h, link, section, table } from '../dom';
import { commandForm, field, valueOf } from '../forms';
import type { Page } from '../page';
import type { DiffPage, DiffRow, Replay, Rules } from '../types';

const POLL_MS = 400;
const MAX_ROWS = 5_000;

/** Launch a replay under a rules version, follow its progress, then read its diff (or export it as CSV). */
export async function renderReplays(page: Page, replayId?: string): Promise<void> {
  page.root.append(h('h1', {}, 'Replays'));
  if (!replayId) return void (await launchForm(page));
  const progress = h('div', { id: 'replay-progress' }, h('p', { class: 'muted' }, 'Loading…'));
  const diff = h('div', { id: 'replay-diff' });
  page.root.append(h('p', {}, link('#/replays', '← launch another replay')), progress, diff);
  for (;;) {
    let replay: Replay;
    try {
      replay = await get<Replay>(`/v1/replays/${replayId}`);
    } catch (error) {
      if (page.isCurrent()) progress.replaceChildren(errorBox(error));
      return;
    }
    if (!page.isCurrent()) return;
    progress.replaceChildren(...progressView(replay));
    if (replay.status === 'done') return void (await showDiff(page, replay, diff));
    if (replay.status === 'failed') return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function launchForm(page: Page): Promise<void> {
  let rules: Rules;
  try {
    rules = await get<Rules>('/v1/rules');
  } catch (error) {
    return void page.root.append(errorBox(error));
  }
  if (!page.isCurrent()) return;
  const versions = h(
    'select',
    { name: 'rulesVersion', id: 'replay-rules' },
    ...rules.versions.map(({ version, releasedOn }) => h('option', { value: version, selected: version === rules.versions.at(-1)?.version }, `${version} (released ${releasedOn})`)),
  );
  const form = commandForm({
    title: `Replay the ledger under another rules version (active: ${rules.active})`,
    name: 'replay',
    submitLabel: 'Launch replay',
    fields: [
      h('div', { class: 'field', 'data-field': 'rulesVersion' }, h('label', { for: 'replay-rules' }, 'Rules version'), versions, h('div', { class: 'field-error', role: 'alert' })),
      field({ name: 'through', label: 'Through', type: 'date' }),
    ],
    submit: async (submitted, key) => {
      const { replayId } = await post<{ replayId: string }>('/v1/replays', { rulesVersion: versions.value, through: valueOf(submitted, 'through') }, key);
      location.hash = `#/replays/${replayId}`;
      return 'Replay started.';
    },
  });
  page.root.append(form, section('Rules versions', table(['Version', 'Released', 'Notes'], rules.versions.map((v) => [v.version, v.releasedOn, v.notes]))));
}

function progressView(replay: Replay): Node[] {
  return [
    h('p', {}, `Replay of rules ${replay.rulesVersion} (current ${replay.currentRulesVersion ?? '—'}) through ${replay.through}: `, h('strong', { id: 'replay-status' }, replay.status), replay.reason ? ` — ${replay.reason}` : ''),
    h('progress', { max: Math.max(replay.total, 1), value: replay.processed }),
    h('span', { class: 'muted' }, ` ${replay.processed} / ${replay.total} policyholders`),
  ];
}

async function showDiff(page: Page, replay: Replay, box: HTMLElement): Promise<void> {
  const rows: DiffRow[] = [];
  try {
    let after: string | undefined;
    do {
      const diffPage = await get<DiffPage>(`/v1/replays/${replay.replayId}/diff`, { limit: '1000', after });
      rows.push(...diffPage.rows);
      after = diffPage.next ?? undefined;
    } while (after && rows.length < MAX_ROWS);
  } catch (error) {
    if (page.isCurrent()) box.replaceChildren(errorBox(error));
    return;
  }
  if (!page.isCurrent()) return;
  const sum = (pick: (row: DiffRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const status = h('span', { class: 'muted' });
  box.replaceChildren(
    h(
      'div',
      { class: 'cards', id: 'replay-totals' },
      card('Affected stoppages', String(replay.affected), { 'data-total': 'affected' }),
      card('Underpaid (to pay)', euros(replay.underpaidCents)),
      card('Overpaid', euros(replay.overpaidCents)),
    ),
    section(
      'Diff',
      h('p', {}, h('button', { type: 'button', id: 'export-replay-csv', onclick: () => void exportCsv(replay.replayId, status) }, 'Export CSV'), ' ', status),
      rows.length >= MAX_ROWS ? h('p', { class: 'muted' }, `The first ${MAX_ROWS} rows; the CSV export has them all.`) : null,
      table(
        ['Policyholder', 'Stoppage', 'Kind', 'Current', 'Replayed', 'Paid', 'Delta'],
        [
          ...rows.map((row) => [
            link(`#/policyholders/${row.policyholderId}`, row.policyholderId.slice(0, 10)),
            link(`#/stoppages/${row.stoppageId}`, row.stoppageId.slice(0, 8)),
            row.kind ?? '',
            euros(row.currentCents),
            euros(row.replayedCents),
            euros(row.paidCents),
            euros(row.deltaCents),
          ]),
          [h('strong', {}, `Total (${rows.length} rows)`), '', '', euros(sum((r) => r.currentCents)), euros(sum((r) => r.replayedCents)), euros(sum((r) => r.paidCents)), h('strong', {}, euros(sum((r) => r.deltaCents)))],
        ],
        { id: 'diff-table' },
      ),
    ),
  );
}

async function exportCsv(replayId: string, status: HTMLElement): Promise<void> {
  status.textContent = 'Exporting…';
  try {
    status.textContent = `Downloaded ${await downloadCsv(`/v1/replays/${replayId}/diff`, { format: 'csv' }, `replay-${replayId}.csv`)}`;
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  }
}
