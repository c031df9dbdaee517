import { h, uid } from './dom.js';

/**
 * A button that opens a menu (a message's "More actions", an overflow menu, the composer's
 * shortcuts): opens on click, moves with the arrow keys, closes on Escape (back to its button) or
 * when focus leaves it.
 */
export interface MenuProps {
  /** What the button shows, and its accessible name when the text alone says too little. */
  text: string;
  label?: string;
  buttonClass: string;
  heading?: string;
  items: { text: string; onSelect: () => void }[];
  /** Opens above its button (the composer sits at the bottom of the page). */
  up?: boolean;
}

export function menuButton({ text, label, buttonClass, heading, items, up }: MenuProps): HTMLElement {
  const id = uid('menu');
  const menu = h('div', { class: `menu${up ? ' menu-up' : ''}`, role: 'menu', id, hidden: true });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: buttonClass,
      'aria-haspopup': 'menu',
      'aria-controls': id,
      'aria-expanded': 'false',
      'aria-label': label,
      title: label,
    },
    text,
  );
  const entries = () => [...menu.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
  const setOpen = (open: boolean) => {
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) entries()[0]?.focus();
  };
  toggle.addEventListener('click', () => setOpen(menu.hidden));
  if (heading) menu.append(h('p', { class: 'menu-heading', 'aria-hidden': 'true' }, heading));
  for (const item of items)
    menu.append(
      h(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          tabindex: '-1',
          onclick: () => {
            setOpen(false);
            item.onSelect();
          },
        },
        item.text,
      ),
    );
  menu.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (key === 'Escape') {
      setOpen(false);
      toggle.focus();
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      list[(at + (key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    }
  });
  const wrap = h('span', { class: 'menu-wrap' }, toggle, menu);
  wrap.addEventListener('focusout', (event) => {
    if (!wrap.contains((event as FocusEvent).relatedTarget as Node | null)) setOpen(false);
  });
  return wrap;
}
