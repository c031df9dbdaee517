import type { BlockContext } from './blockContext.js';
import { formValues } from './blockInputs.js';
import { renderBlocks } from './blocks.js';
import { h, uid } from './dom.js';
import type { FormValues, Outcome, View } from './types.js';

/**
 * The modal on top of the person's stack, as a native <dialog>: a form whose controls are the
 * view's inputs. Submitting it sends the view submission; the app's field errors are shown on
 * their fields; Cancel, the close button and Escape close it. The dialog is redrawn only when the
 * app changes the view, so nothing typed is lost to an unrelated update.
 */

export interface ModalProps {
  dialog: HTMLDialogElement;
  context: Omit<BlockContext, 'currentChannel'>;
  submit: (viewId: string, values: FormValues) => Promise<Outcome>;
  close: (viewId: string) => void;
  report: (problem: string) => void;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOf = (value: unknown): string => str((value as Record<string, unknown> | undefined)?.text);

export function modalController(props: ModalProps): (modal: View | null) => void {
  const { dialog } = props;
  let shown: string | null = null;
  let viewId: string | null = null;
  // Escape: the app is told the view closed, instead of the browser closing it on its own.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (viewId) props.close(viewId);
  });
  return (modal) => {
    if (!modal) {
      shown = null;
      viewId = null;
      if (dialog.open) dialog.close();
      return;
    }
    const key = `${modal.id}:${JSON.stringify(modal.view)}`;
    if (key === shown && dialog.open) return;
    shown = key;
    viewId = modal.id;
    const content = form(modal, props);
    dialog.replaceChildren(content);
    dialog.setAttribute('aria-labelledby', content.getAttribute('aria-labelledby') ?? '');
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector('input, textarea, select, button.bk-button') as HTMLElement | null)?.focus();
  };
}

function form(modal: View, props: ModalProps): HTMLElement {
  const view = modal.view;
  const titleId = uid('modal-title');
  const submitText = textOf(view.submit);
  const status = h('p', { class: 'modal-status', role: 'status' });
  const body = renderBlocks(view.blocks ?? [], {
    ...props.context,
    currentChannel: modal.openedIn ?? null,
  });
  const element = h(
    'form',
    { class: 'modal-form', 'aria-labelledby': titleId, novalidate: false },
    h(
      'header',
      { class: 'modal-header' },
      h('h2', { id: titleId }, textOf(view.title)),
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Close', onclick: () => props.close(modal.id) }, '✕'),
    ),
    h('div', { class: 'modal-body' }, body),
    status,
    h(
      'footer',
      { class: 'modal-footer' },
      h(
        'button',
        { type: 'button', class: 'bk-button', onclick: () => props.close(modal.id) },
        textOf(view.close) || 'Cancel',
      ),
      submitText ? h('button', { type: 'submit', class: 'bk-button primary' }, submitText) : null,
    ),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!submitText) return;
    const submitButton = element.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submitButton) submitButton.disabled = true;
    clearErrors(element);
    void props.submit(modal.id, formValues(element)).then((outcome) => {
      if (submitButton) submitButton.disabled = false;
      if (!outcome.ok) {
        status.textContent = outcome.problem;
        return;
      }
      if (outcome.errors && Object.keys(outcome.errors).length > 0) showErrors(element, outcome.errors);
    });
  });
  return element;
}

function clearErrors(form: HTMLElement): void {
  for (const error of form.querySelectorAll('.field-error')) error.remove();
  for (const field of form.querySelectorAll('.has-error')) field.classList.remove('has-error');
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** The app's errors (response_action: errors), each under its field, and the first field focused. */
function showErrors(form: HTMLElement, errors: Record<string, string>): void {
  let first: HTMLElement | null = null;
  for (const [blockId, message] of Object.entries(errors)) {
    const control = [...form.querySelectorAll<HTMLElement>('[data-block]')].find((c) => c.dataset.block === blockId);
    if (!control) continue;
    const errorId = `${control.id}-error`;
    const error = h('p', { class: 'field-error', id: errorId, role: 'alert' }, message);
    control.parentElement?.classList.add('has-error');
    control.parentElement?.append(error);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute(
      'aria-describedby',
      [control.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '),
    );
    first ??= control;
  }
  (first?.matches('fieldset') ? first.querySelector('input') : first)?.focus();
}
