import { euros, h } from '../dom';
import type { Entitlement } from '../types';

type Day = Entitlement['days'][number];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** CARENCE and PAID get their own colour; every other reason is an unpaid day, its reason written in the cell. */
const categoryOf = (day: Day): string => (day.paid ? 'paid' : day.reason === 'CARENCE' ? 'carence' : 'unpaid');

/** One month grid per month of the stoppage, weeks starting on Monday. */
export function calendar(days: Day[]): HTMLElement {
  const months = new Map<string, Day[]>();
  for (const day of days) months.set(day.date.slice(0, 7), [...(months.get(day.date.slice(0, 7)) ?? []), day]);
  const counts = { paid: 0, carence: 0, unpaid: 0 };
  days.forEach((day) => counts[categoryOf(day) as keyof typeof counts]++);
  return h(
    'div',
    { class: 'calendar', id: 'calendar' },
    h(
      'div',
      { class: 'legend' },
      h('span', { class: 'day paid' }, `paid ${counts.paid}`),
      h('span', { class: 'day carence' }, `carence ${counts.carence}`),
      h('span', { class: 'day unpaid' }, `unpaid ${counts.unpaid}`),
    ),
    h('div', { class: 'months' }, ...[...months].map(([month, monthDays]) => monthGrid(month, monthDays))),
  );
}

function monthGrid(month: string, days: Day[]): HTMLElement {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const [year, monthNumber] = month.split('-').map(Number);
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7;
  const cells: HTMLElement[] = Array.from({ length: offset }, () => h('div', { class: 'day empty' }));
  for (let dayOfMonth = 1; dayOfMonth <= length; dayOfMonth++) {
    const date = `${month}-${String(dayOfMonth).padStart(2, '0')}`;
    const day = byDate.get(date);
    cells.push(
      day
        ? h(
            'div',
            { class: `day ${categoryOf(day)}`, 'data-date': date, 'data-reason': day.reason, title: `${date}: ${day.reason} ${euros(day.amountCents)}` },
            h('b', {}, String(dayOfMonth)),
            h('small', {}, day.paid ? euros(day.amountCents) : day.reason.toLowerCase().replace(/_/gu, ' ')),
          )
        : h('div', { class: 'day outside' }, h('b', {}, String(dayOfMonth))),
    );
  }
  return h('div', { class: 'month' }, h('h4', {}, month), h('div', { class: 'grid' }, ...WEEKDAYS.map((day) => h('div', { class: 'weekday' }, day)), ...cells));
}
