import { get, post } from '../api';
import { errorBox, h, table } from '../dom';
import { commandForm, selectField, valueOf } from '../forms';
import type { Page } from '../page';
import type { Rules } from '../types';

/** The released rules versions, and their activation (a supervisor's). */
export async function renderRules(page: Page): Promise<void> {
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  page.root.append(h('h1', {}, 'Rules versions'), list);
  try {
    const rules = await get<Rules>('/v1/rules');
    if (!page.isCurrent()) return;
    list.replaceChildren(
      h('p', {}, 'Active: ', h('strong', { id: 'active-rules' }, rules.active)),
      table(['Version', 'Released on', 'Notes'], rules.versions.map((version) => [version.version, version.releasedOn, version.notes]), { id: 'rules-versions' }),
    );
    page.root.append(
      commandForm({
        title: 'Activate a rules version (supervisor)',
        name: 'activate-rules',
        submitLabel: 'Activate',
        fields: [selectField({ name: 'version', label: 'Version', options: rules.versions.map((version) => version.version), blank: '— choose —' })],
        submit: async (form, key) => {
          const version = valueOf(form, 'version');
          await post('/v1/rules/active', { version }, key);
          document.getElementById('active-rules')!.textContent = version;
          return `Rules ${version} active.`;
        },
      }),
    );
  } catch (error) {
    if (page.isCurrent()) list.replaceChildren(errorBox(error));
  }
}
