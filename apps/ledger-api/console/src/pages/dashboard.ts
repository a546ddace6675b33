import { downloadCsv, get } from '../api';
import { barChart, type BarDatum } from '../charts';
import { card, errorBox, euros, h, link, section, table } from '../dom';
import type { Page } from '../page';
import type { Backlog, BacklogRow } from '../types';

type Dimension = 'reason' | 'kind' | 'ageBucket';
const CHARTS: { dimension: Dimension; title: string; horizontal?: boolean; buckets: (backlog: Backlog) => BarDatum[] }[] = [
  { dimension: 'reason', title: 'By reason', horizontal: true, buckets: (b) => b.byReason.map(({ reason, count, amountCents }) => ({ label: reason, count, amountCents })) },
  { dimension: 'kind', title: 'By kind', horizontal: true, buckets: (b) => b.byKind.map(({ kind, count, amountCents }) => ({ label: kind, count, amountCents })) },
  { dimension: 'ageBucket', title: 'By age (days)', buckets: (b) => b.byAgeBucket.map(({ ageBucket, count, amountCents }) => ({ label: ageBucket, count, amountCents })) },
];

/** The regularization backlog: totals, three charts, the stoppages behind a clicked bar, CSV export. */
export async function renderDashboard(page: Page): Promise<void> {
  const through = h('input', { type: 'date', name: 'through', id: 'backlog-through' });
  const status = h('span', { class: 'muted', id: 'csv-status' });
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading the backlog…'));
  const exportCsv = async () => {
    status.textContent = 'Exporting…';
    try {
      status.textContent = `Downloaded ${await downloadCsv('/v1/reports/regularization-backlog', { through: through.value, format: 'csv' }, 'regularization-backlog.csv')}`;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  const toolbar = h(
    'form',
    { class: 'toolbar', method: 'post', onsubmit: (event: Event) => (event.preventDefault(), void load()) },
    h('label', { for: 'backlog-through' }, 'Through '),
    through,
    h('button', { type: 'submit' }, 'Refresh'),
    h('button', { type: 'button', id: 'export-backlog-csv', onclick: () => void exportCsv() }, 'Export CSV'),
    status,
  );
  page.root.append(h('h1', {}, 'Regularization backlog'), toolbar, body);

  async function load(): Promise<void> {
    try {
      const backlog = await get<Backlog>('/v1/reports/regularization-backlog', { through: through.value });
      if (page.isCurrent()) render(backlog);
    } catch (error) {
      if (page.isCurrent()) body.replaceChildren(errorBox(error));
    }
  }

  function render(backlog: Backlog): void {
    if (!through.value) through.value = backlog.through;
    const drill = h('div', { id: 'drill-down' }, h('p', { class: 'muted' }, 'Click a bar to list the stoppages behind it.'));
    const select = (dimension: Dimension, label: string) => drill.replaceChildren(...drillDown(backlog.rows, dimension, label));
    const charts = CHARTS.map(({ dimension, title, horizontal, buckets }) => {
      const canvas = h('canvas', { id: `chart-${dimension}`, role: 'img', 'aria-label': `${title}: ${buckets(backlog).map((b) => `${b.label} ${b.count}`).join(', ')}` });
      const box = h('div', { class: 'chart' }, h('h3', {}, title), h('div', { class: 'chart-canvas' }, canvas));
      return { box, draw: () => barChart(canvas, buckets(backlog), (label) => select(dimension, label), horizontal) };
    });
    body.replaceChildren(
      h(
        'div',
        { class: 'cards', id: 'backlog-totals' },
        card('Stoppages in backlog', String(backlog.totals.count), { 'data-total': 'count' }),
        card('Amount', euros(backlog.totals.amountCents), { 'data-total': 'amount' }),
        card('Through', backlog.through),
        card('Rules version', backlog.rulesVersion),
      ),
      h('div', { class: 'charts' }, ...charts.map(({ box }) => box)),
      section('Stoppages', drill),
    );
    charts.forEach(({ draw }) => draw());
  }

  await load();
}

function drillDown(rows: BacklogRow[], dimension: Dimension, label: string): Node[] {
  const selected = rows.filter((row) => row[dimension] === label);
  return [
    h('p', {}, `${selected.length} stoppage(s) with ${dimension} = ${label}`),
    table(
      ['Stoppage', 'Policyholder', 'Kind', 'Reason', 'Amount', 'Since', 'Age (days)'],
      selected.map((row) => [
        link(`#/stoppages/${row.stoppageId}`, row.stoppageId.slice(0, 8), { class: 'stoppage-link' }),
        link(`#/policyholders/${row.policyholderId}`, row.policyholderId.slice(0, 10)),
        row.kind,
        row.reason,
        euros(row.amountCents),
        row.since,
        row.ageDays,
      ]),
      { id: 'drill-table' },
    ),
  ];
}
