import { byId, h } from './dom.js';
import type { Route } from './route.js';
import type { PageState } from './types.js';

/**
 * The sidebar: the workspace's channels (a lock on the private one), the app, the lines worth
 * trying; and, in the top bar, whom the page shows the workspace as.
 */

export interface SidebarProps {
  state: PageState;
  route: Route;
  /** The person the page acts as. */
  me: string;
  navigate: (route: Route) => void;
  /** Puts a line in a channel's message box, ready to send. */
  suggest: (channel: string, text: string) => void;
}

function renderViewers(s: PageState, me: string): void {
  const select = byId<HTMLSelectElement>('viewer');
  if (select.options.length === s.people.length) return;
  select.replaceChildren(
    ...s.people.map((p) =>
      h('option', { value: p.id, selected: p.id === me }, `${p.realName}${p.isAdmin ? ' (admin)' : ''}`),
    ),
  );
}

export function renderSidebar({ state: s, route, me, navigate, suggest }: SidebarProps): void {
  renderViewers(s, me);
  const item = (label: string | (Node | string)[], current: boolean, onclick: () => void) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'sidebar-item', 'aria-current': current ? 'page' : undefined, onclick },
        label,
      ),
    );
  byId('channel-list').replaceChildren(
    ...s.channels
      .filter((c) => !c.dmWith)
      .map((c) =>
        item(`${c.isPrivate ? '🔒' : '#'} ${c.name}`, route.kind === 'channel' && route.channel === c.id, () =>
          navigate({ kind: 'channel', channel: c.id, thread: null, focus: null }),
        ),
      ),
  );
  byId('app-list').replaceChildren(
    item([h('span', { class: 'app-icon', 'aria-hidden': 'true' }, 'DL'), s.app.name], route.kind === 'app', () =>
      navigate({ kind: 'app', tab: 'home' }),
    ),
  );
  byId('suggestions').replaceChildren(
    ...s.suggestions.map((suggestion) => {
      const where = s.channels.find((c) => c.id === suggestion.channel);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'suggestion',
            onclick: () => suggest(suggestion.channel, suggestion.text),
          },
          h('span', { class: 'suggestion-where' }, `#${where?.name ?? ''}`),
          ` ${suggestion.text}`,
        ),
      );
    }),
  );
}
