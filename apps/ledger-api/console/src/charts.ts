import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type Plugin } from 'chart.js';
import { euros } from './dom';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarDatum {
  label: string;
  count: number;
  amountCents: number;
}

/**
 * Writes each bar's centre (canvas pixels) to `data-bars` once drawn: the browser tests click a bar
 * where it really is, and assistive tools get the figures as text.
 */
const barPositions: Plugin<'bar'> = {
  id: 'barPositions',
  afterRender(chart) {
    const bars = chart.getDatasetMeta(0).data.map((bar, index) => {
      const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
      const centre = chart.options.indexAxis === 'y' ? { x: ((x + base) / 2) | 0, y: y | 0 } : { x: x | 0, y: ((y + base) / 2) | 0 };
      return { label: String(chart.data.labels?.[index]), ...centre, count: chart.data.datasets[0].data[index] };
    });
    chart.canvas.dataset.bars = JSON.stringify(bars);
  },
};

/** MISSING_SALARY_CERTIFICATE → ['missing salary', 'certificate']: readable axis labels on two lines at most. */
function axisLabel(label: string): string | string[] {
  const words = label.toLowerCase().split('_');
  if (words.length < 3) return words.join(' ');
  const half = (words.length + 1) >> 1;
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

/** A bar chart of counts (amounts in the tooltip); a click on a bar calls onSelect with its label. */
export function barChart(canvas: HTMLCanvasElement, data: BarDatum[], onSelect: (label: string) => void, horizontal = false): Chart<'bar'> {
  const countAxis = { beginAtZero: true, ticks: { precision: 0 } };
  const labelAxis = { ticks: { callback: (value: string | number) => axisLabel(data[Number(value)]?.label ?? String(value)) } };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.map((datum) => datum.label),
      datasets: [{ label: 'stoppages', data: data.map((datum) => datum.count), backgroundColor: '#2f6fbf', hoverBackgroundColor: '#174a8b', minBarLength: 2 }],
    },
    options: {
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      scales: horizontal ? { x: countAxis, y: labelAxis } : { x: labelAxis, y: countAxis },
      plugins: {
        tooltip: { callbacks: { afterLabel: (item) => `amount ${euros(data[item.dataIndex].amountCents)}` } },
      },
      onHover: (event, elements) => {
        (event.native?.target as HTMLElement | undefined)?.style.setProperty('cursor', elements.length ? 'pointer' : 'default');
      },
      onClick: (_event, elements) => {
        if (elements.length) onSelect(data[elements[0].index].label);
      },
    },
    plugins: [barPositions],
  });
}
