import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';
import type { Timeliness } from './types';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Writes the drawn figures to `data-figures` once rendered: the browser tests read what the chart shows. */
const drawnFigures: Plugin = {
  id: 'drawnFigures',
  afterRender(chart) {
    const labels = (chart.data.labels ?? []).map(String);
    const datasets = chart.data.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data }));
    chart.canvas.dataset.figures = JSON.stringify({ labels, datasets });
  },
};

const countAxis = { beginAtZero: true, ticks: { precision: 0 } };

/** How many paid days fell in each delay bucket, and the days still waiting as a last bar. */
export function distributionChart(canvas: HTMLCanvasElement, report: Timeliness): Chart {
  const labels = [...report.distribution.map((row) => `${row.bucket} d`), 'waiting'];
  const data = [...report.distribution.map((row) => row.days), report.waiting.days];
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label: 'payable days', data, backgroundColor: [...report.distribution.map(() => '#2f6fbf'), '#b3261e'], minBarLength: 2 }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: countAxis }, plugins: { legend: { display: false } } },
    plugins: [drawnFigures],
  });
}

/** By the week of the payable day: p50 and p90 delays (lines), and the days still waiting (bars). */
export function trendChart(canvas: HTMLCanvasElement, report: Timeliness): Chart {
  const labels = report.byWeek.map((row) => row.weekOf);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'line', label: 'p50 delay (days)', data: report.byWeek.map((row) => row.p50), borderColor: '#2f6fbf', backgroundColor: '#2f6fbf', spanGaps: true },
        { type: 'line', label: 'p90 delay (days)', data: report.byWeek.map((row) => row.p90), borderColor: '#e08a00', backgroundColor: '#e08a00', spanGaps: true },
        { type: 'bar', label: 'days still waiting', data: report.byWeek.map((row) => row.waitingDays), backgroundColor: 'rgba(179, 38, 30, 0.35)' },
      ],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: countAxis } },
    plugins: [drawnFigures],
  });
}
