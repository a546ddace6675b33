/** A tiny DOM builder: text always goes through textContent, never innerHTML. */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/u, ''), value);
    else if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

const GROUPS = new Intl.NumberFormat('fr-FR', { useGrouping: true, maximumFractionDigits: 0 });
/** Integer cents → "1 234,56 €", written from the integer's digits (no division into a float). */
export function euros(cents: number | undefined): string {
  if (cents === undefined || cents === null) return '—';
  const magnitude = BigInt(Math.abs(cents));
  return `${cents < 0 ? '-' : ''}${GROUPS.format(magnitude / 100n)},${(magnitude % 100n).toString().padStart(2, '0')} €`;
}

/** "12,5" / "12.50" / "12" → 1250 cents, exactly (no floating point); anything else is returned as typed for the API to reject. */
export function centsOf(text: string): number | string {
  const match = /^\s*(\d{1,10})(?:[.,](\d{1,2}))?\s*$/u.exec(text);
  if (!match) return text.trim();
  return Number(`${match[1]}${(match[2] ?? '').padEnd(2, '0')}`);
}

export const dateTime = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/u, ' UTC');

export function link(href: string, text: string, attributes: Attributes = {}): HTMLAnchorElement {
  return h('a', { href, ...attributes }, text);
}

export function table(headers: string[], rows: Child[][], attributes: Attributes = {}): HTMLTableElement {
  return h(
    'table',
    attributes,
    h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', {}, header)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
  );
}

export function card(title: string, value: string, attributes: Attributes = {}): HTMLElement {
  return h('div', { class: 'card', ...attributes }, h('div', { class: 'card-title' }, title), h('div', { class: 'card-value' }, value));
}

export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('div', { class: 'alert', role: 'alert' }, message);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', {}, h('h2', {}, title), ...children);
}
