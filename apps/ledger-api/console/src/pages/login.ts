import { ApiProblem, get, session } from '../api';
import { h } from '../dom';
import { field, showProblem, valueOf } from '../forms';
import type { Page } from '../page';

/** The key is checked against GET /v1/rules (any role), then kept in sessionStorage for this tab only. */
export function renderLogin(page: Page, done: () => void): void {
  const form = h(
    'form',
    { method: 'post', class: 'login', id: 'login-form', novalidate: true },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'Enter your ledger API key. It stays in this browser tab only (sessionStorage) and is sent with every request.'),
    field({ name: 'key', label: 'API key', type: 'password' }),
    h('div', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = valueOf(form, 'key');
    form.querySelectorAll('.field-error, .form-error').forEach((slot) => (slot.textContent = ''));
    try {
      await get('/v1/rules', undefined, key);
      session.signIn(key);
      done();
    } catch (error) {
      const problem =
        error instanceof ApiProblem && error.status === 401
          ? new ApiProblem(401, error.title, error.detail, error.type, [{ field: 'key', message: 'This key is not accepted by the ledger.' }])
          : error;
      showProblem(form, problem);
    }
  });
  page.root.append(form);
  form.querySelector('input')!.focus();
}
