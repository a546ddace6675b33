import { REPEATED } from './report';

export interface ElementAt {
  name: string;
  path: string;
}

/** Comments, CDATA sections and processing instructions blanked out, newlines kept (line numbers stay right). */
function markupOnly(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/gu, (skipped) => skipped.replace(/[^\n]/gu, ' '));
}

const TAG = /<(\/?)([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/gu;

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

/**
 * The XPath-like location of every element, by the line its start tag is on: xmllint reports schema
 * errors by line and element name, a problem is more useful with "/Document/…/Ntry[2]/Amt". Repeating
 * elements carry their 1-based index. The document is known to be well formed when this runs.
 */
export function elementsByLine(xml: string): Map<number, ElementAt[]> {
  const text = markupOnly(xml);
  const byLine = new Map<number, ElementAt[]>();
  const open: { path: string; counts: Map<string, number> }[] = [{ path: '', counts: new Map() }];
  let line = 1;
  let scanned = 0;
  for (const match of text.matchAll(TAG)) {
    for (let at = text.indexOf('\n', scanned); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) line += 1;
    scanned = match.index;
    const [, closing, qualified, selfClosing] = match;
    if (closing === '/') {
      if (open.length > 1) open.pop();
      continue;
    }
    const parent = open[open.length - 1];
    const name = localName(qualified);
    const index = (parent.counts.get(name) ?? 0) + 1;
    parent.counts.set(name, index);
    const path = `${parent.path}/${name}${REPEATED.has(name) ? `[${index}]` : ''}`;
    byLine.set(line, [...(byLine.get(line) ?? []), { name, path }]);
    if (selfClosing !== '/') open.push({ path, counts: new Map() });
  }
  return byLine;
}
