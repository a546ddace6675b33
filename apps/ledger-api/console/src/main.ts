import './styles.css';
import { session, whenUnauthorized } from './api';
import { h } from './dom';
import { renderAudit } from './pages/audit';
import { renderDashboard } from './pages/dashboard';
import { renderLogin } from './pages/login';
import { renderPolicyholder, renderPolicyholderSearch } from './pages/policyholder';
import { renderReplays } from './pages/replays';
import { renderStoppage } from './pages/stoppage';
import { renderOpenStoppage } from './pages/open-stoppage';
import { renderRules } from './pages/rules';
import { renderTimeliness } from './pages/timeliness';
import type { Page } from './page';

/** Hash routes (the server only serves index.html and assets): ids only, never a NIR. */
const ROUTES: { pattern: RegExp; render: (page: Page, ...ids: string[]) => void | Promise<void> }[] = [
  { pattern: /^#?\/?(?:dashboard)?$/u, render: renderDashboard },
  { pattern: /^#\/policyholders$/u, render: renderPolicyholderSearch },
  { pattern: /^#\/policyholders\/([\w-]+)$/u, render: renderPolicyholder },
  { pattern: /^#\/stoppages\/new$/u, render: renderOpenStoppage },
  { pattern: /^#\/stoppages\/([0-9a-f-]{36})$/u, render: renderStoppage },
  { pattern: /^#\/rules$/u, render: renderRules },
  { pattern: /^#\/replays(?:\/([0-9a-f-]{36}))?$/u, render: renderReplays },
  { pattern: /^#\/audit$/u, render: renderAudit },
  { pattern: /^#\/timeliness$/u, render: renderTimeliness },
];
const NAV = [
  ['#/dashboard', 'Backlog'],
  ['#/policyholders', 'Policyholder'],
  ['#/stoppages/new', 'New stoppage'],
  ['#/timeliness', 'Timeliness'],
  ['#/replays', 'Replays'],
  ['#/audit', 'Audit'],
  ['#/rules', 'Rules'],
] as const;

const app = document.getElementById('app')!;
let generation = 0;

function route(): void {
  const current = ++generation;
  const page: Page = { root: h('div', { class: 'page' }), isCurrent: () => current === generation };
  app.replaceChildren(page.root);
  renderChrome();
  if (!session.key()) return void renderLogin(page, route);
  const hash = location.hash;
  for (const { pattern, render } of ROUTES) {
    const match = pattern.exec(hash);
    if (match) return void render(page, ...match.slice(1).filter((id): id is string => id !== undefined));
  }
  page.root.append(h('h1', {}, 'Not found'), h('p', {}, 'No console page at this address. '), h('a', { href: '#/dashboard' }, 'Back to the backlog'));
}

function renderChrome(): void {
  const signedIn = session.key() !== null;
  const hash = location.hash || '#/dashboard';
  document.getElementById('nav')!.replaceChildren(
    ...(signedIn ? NAV.map(([href, label]) => h('a', { href, class: hash.startsWith(href) ? 'active' : undefined }, label)) : []),
  );
  document.getElementById('session')!.replaceChildren(
    signedIn
      ? h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: () => (session.signOut(), route()) }, 'Sign out')
      : '',
  );
}

whenUnauthorized(() => {
  session.signOut();
  route();
});
window.addEventListener('hashchange', route);
route();
