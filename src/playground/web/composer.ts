import type { Outcome } from './types.js';

/**
 * A message box: Enter sends (Shift+Enter starts a new line), and the box empties at once, as
 * Slack's does; what was typed comes back if it could not be sent.
 */

/** Where a message box sends: a channel, or a thread in it. */
export interface Where {
  channel: string;
  threadTs?: string;
}

export function wireComposer(
  form: HTMLFormElement,
  textarea: HTMLTextAreaElement,
  send: (where: Where, text: string) => Promise<Outcome>,
  target: () => Where | null,
): void {
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const where = target();
    const text = textarea.value.trim();
    if (!where || text === '') return;
    textarea.value = '';
    textarea.dispatchEvent(new Event('input'));
    void send(where, text).then((outcome) => {
      if (!outcome.ok) textarea.value = text;
    });
  });
}
