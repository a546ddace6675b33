import { get } from '../api';
import { card, errorBox, h, link, section, table } from '../dom';
import type { Page } from '../page';
import { distributionChart, trendChart } from '../timeliness-charts';
import type { Timeliness } from '../types';

const days = (value: number | null) => (value === null ? '—' : `${value} d`);

/** How late the money is: delays from each payable day to its export, the weekly trend, who has had nothing paid. */
export async function renderTimeliness(page: Page): Promise<void> {
  const from = h('input', { type: 'date', name: 'from', id: 'timeliness-from' });
  const to = h('input', { type: 'date', name: 'to', id: 'timeliness-to' });
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading the timeliness report…'));
  const toolbar = h(
    'form',
    { class: 'toolbar', method: 'post', id: 'timeliness-form', onsubmit: (event: Event) => (event.preventDefault(), void load()) },
    h('label', { for: 'timeliness-from' }, 'Payable days from '),
    from,
    h('label', { for: 'timeliness-to' }, ' to '),
    to,
    h('button', { type: 'submit' }, 'Refresh'),
  );
  page.root.append(h('h1', {}, 'Timeliness: how late is the money'), toolbar, body);

  async function load(): Promise<void> {
    try {
      const report = await get<Timeliness>('/v1/reports/timeliness', { from: from.value, to: to.value });
      if (page.isCurrent()) render(report);
    } catch (error) {
      if (page.isCurrent()) body.replaceChildren(errorBox(error));
    }
  }

  function render(report: Timeliness): void {
    from.value ||= report.from;
    to.value ||= report.to;
    const distribution = h('canvas', { id: 'chart-delay-distribution', role: 'img', 'aria-label': `Delays: ${report.distribution.map((row) => `${row.bucket} days ${row.days}`).join(', ')}; waiting ${report.waiting.days}` });
    const trend = h('canvas', { id: 'chart-delay-trend', role: 'img', 'aria-label': `Weekly p50 and p90 delays from ${report.from} to ${report.to}` });
    const unpaid = report.unpaidAfter30Days;
    body.replaceChildren(
      h(
        'div',
        { class: 'cards', id: 'timeliness-totals' },
        card('Payable days', String(report.payableDays), { 'data-total': 'payable-days' }),
        card('p50', days(report.delays.p50), { 'data-total': 'p50' }),
        card('p90', days(report.delays.p90), { 'data-total': 'p90' }),
        card('max', days(report.delays.max), { 'data-total': 'max' }),
        card('Days still waiting', String(report.waiting.days), { 'data-total': 'waiting', class: report.waiting.days > 0 ? 'card bad' : 'card ok' }),
        card('As of', `${report.asOf} (rules ${report.rulesVersion})`),
      ),
      h('div', { class: 'charts' },
        h('div', { class: 'chart' }, h('h3', {}, 'Days from the day to the export of its money'), h('div', { class: 'chart-canvas' }, distribution)),
        h('div', { class: 'chart' }, h('h3', {}, 'Trend by week of the payable day'), h('div', { class: 'chart-canvas' }, trend)),
      ),
      section(
        'By kind',
        table(['Kind', 'Days paid', 'p50', 'p90', 'max'], report.byKind.filter((row) => row.days > 0).map((row) => [row.kind, row.days, days(row.p50), days(row.p90), days(row.max)]), { id: 'timeliness-by-kind' }),
      ),
      section(
        `Nothing paid 30 days after the start: ${unpaid.stoppages} stoppage(s), ${unpaid.policyholders} policyholder(s)`,
        table(['Reason', 'Waiting for', 'Stoppages', 'Policyholders'], unpaid.byReason.map((row) => [row.reason, row.waitingFor, row.stoppages, row.policyholders]), { id: 'unpaid-by-reason' }),
        table(
          ['Policyholder', 'Stoppage', 'Kind', 'Start', 'Days since', 'Reason'],
          unpaid.rows.map((row) => [link(`#/policyholders/${row.policyholderId}`, row.policyholderId.slice(0, 10)), link(`#/stoppages/${row.stoppageId}`, row.stoppageId.slice(0, 8)), row.kind, row.startDate, row.daysSinceStart, row.reason]),
          { id: 'unpaid-rows' },
        ),
      ),
    );
    distributionChart(distribution, report);
    trendChart(trend, report);
  }

  await load();
}
