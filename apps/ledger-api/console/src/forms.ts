import { ApiProblem, newIdempotencyKey } from './api';
import { h } from './dom';

export interface FieldSpec {
  /** The API's field path (as in problem+json `errors[].field`), e.g. `amountCents`, `salaries.0.month`. */
  name: string;
  label: string;
  type?: string;
  value?: string;
  placeholder?: string;
  hint?: string;
}

let fieldCount = 0;

/** One labelled input with the place where the API's message for that field is shown. */
export function field(spec: FieldSpec): HTMLElement {
  const id = `field-${++fieldCount}`;
  return h(
    'div',
    { class: 'field', 'data-field': spec.name },
    h('label', { for: id }, spec.label),
    h('input', { id, name: spec.name, type: spec.type ?? 'text', value: spec.value, placeholder: spec.placeholder, autocomplete: 'off' }),
    spec.hint ? h('small', { class: 'muted' }, spec.hint) : null,
    h('div', { class: 'field-error', role: 'alert', 'aria-live': 'polite' }),
  );
}

/** A labelled choice, with the place where the API's message for that field is shown. */
export function selectField(spec: { name: string; label: string; options: readonly string[]; value?: string; blank?: string }): HTMLElement {
  const id = `field-${++fieldCount}`;
  const options = [...(spec.blank !== undefined ? [h('option', { value: '' }, spec.blank)] : []), ...spec.options.map((option) => h('option', { value: option, selected: option === spec.value }, option))];
  return h(
    'div',
    { class: 'field', 'data-field': spec.name },
    h('label', { for: id }, spec.label),
    h('select', { id, name: spec.name }, ...options),
    h('div', { class: 'field-error', role: 'alert', 'aria-live': 'polite' }),
  );
}

/** The body without the fields left empty (optional fields are left out rather than sent blank). */
export function filled(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== '' && value !== undefined));
}

export const valueOf = (form: HTMLFormElement, name: string): string =>
  (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';

/** Shows a problem next to its fields; what names no field (409, 404, …) goes in the form's banner. */
export function showProblem(form: HTMLFormElement, error: unknown): void {
  const banner = form.querySelector<HTMLElement>('.form-error')!;
  if (!(error instanceof ApiProblem)) {
    banner.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  const unplaced: string[] = [];
  for (const { field: name, message } of error.errors) {
    const slot = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"] .field-error`);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
      slot.closest('.field')!.classList.add('invalid');
    } else unplaced.push(`${name}: ${message}`);
  }
  banner.textContent = error.errors.length && !unplaced.length ? 'Please correct the fields shown.' : [error.message, ...unplaced].join(' — ');
}

function clearProblems(form: HTMLFormElement): void {
  form.querySelectorAll('.field-error, .form-error, .form-ok').forEach((slot) => (slot.textContent = ''));
  form.querySelectorAll('.invalid').forEach((element) => element.classList.remove('invalid'));
}

export interface CommandFormSpec {
  title: string;
  name: string;
  fields: HTMLElement[];
  submitLabel: string;
  /** Sends the command with a fresh Idempotency-Key; its result is the success message. */
  submit: (form: HTMLFormElement, idempotencyKey: string) => Promise<string>;
}

/** A command form: one UUID per submission, per-field errors from the API, the button locked while sending. */
export function commandForm(spec: CommandFormSpec): HTMLFormElement {
  const button = h('button', { type: 'submit' }, spec.submitLabel);
  const form = h(
    'form',
    { method: 'post', class: 'command', 'data-command': spec.name, novalidate: true },
    h('h3', {}, spec.title),
    ...spec.fields,
    h('div', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'form-ok', role: 'status' }),
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    button.disabled = true;
    try {
      form.querySelector('.form-ok')!.textContent = await spec.submit(form, newIdempotencyKey());
    } catch (error) {
      showProblem(form, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
