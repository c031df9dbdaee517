import * as api from './api.js';
import type { ActionUse } from './blockContext.js';
import { formValues } from './blockInputs.js';
import { renderBlocks } from './blocks.js';
import { wireComposer } from './composer.js';
import { byId, h } from './dom.js';
import { menuButton } from './menu.js';
import { renderMessage } from './messages.js';
import { modalController } from './modal.js';
import type { Directory } from './richText.js';
import { reconcile } from './reconcile.js';
import { renderSidebar } from './sidebar.js';
import { formatRoute, parseRoute, type Route } from './route.js';
import { type Follower, followBottom } from './followBottom.js';
import type { Message, Outcome, PageState } from './types.js';

/**
 * The page: a Slack-like client of the playground's workspace. It reads the workspace as the
 * person it views it as (re-reading whenever the server says it changed) and sends what that
 * person does; everything the app does comes back the same way, as it would from Slack.
 */

const VIEWER_KEY = 'decision-ledger-playground.viewer';
let me = localStorage.getItem(VIEWER_KEY) ?? 'U0ANA';
let state: PageState | null = null;
let route: Route = parseRoute(location.hash);
/** Ephemeral messages dismissed in this tab (Slack forgets them too). */
const dismissed = new Set<string>();
/** The Home tab is opened (app_home_opened) once per visit to it. */
let homeOpenedFor: string | null = null;

const directory = (): Directory => ({
  people: state?.people ?? [],
  channels: state?.channels ?? [],
  openChannel: (id) => navigate({ kind: 'channel', channel: id, thread: null, focus: null }),
});

function toast(text: string): void {
  const element = byId('toast');
  element.textContent = text;
  element.classList.add('shown');
  window.setTimeout(() => element.classList.remove('shown'), 6000);
}

async function run(pending: Promise<Outcome>): Promise<Outcome> {
  const outcome = await pending;
  if (!outcome.ok) toast(outcome.problem);
  return outcome;
}

function navigate(next: Route): void {
  const hash = formatRoute(next);
  if (location.hash === hash) {
    route = next;
    render();
  } else location.hash = hash;
}

window.addEventListener('hashchange', () => {
  route = parseRoute(location.hash);
  render();
});

// ---- reading the workspace ----

let fetching = false;
let again = false;
async function refresh(): Promise<void> {
  if (fetching) {
    again = true;
    return;
  }
  fetching = true;
  try {
    state = await api.fetchState(me);
    render();
  } catch {
    toast('The playground is not answering. Is `npm run playground` still running?');
  } finally {
    fetching = false;
    if (again) {
      again = false;
      void refresh();
    }
  }
}

new EventSource('/playground/api/events').addEventListener('message', (event) => {
  if (Number((event as MessageEvent).data) !== state?.version) void refresh();
});

// ---- drawing it ----

const showModal = modalController({
  dialog: byId<HTMLDialogElement>('modal'),
  context: {
    get people() {
      return state?.people ?? [];
    },
    get channels() {
      return state?.channels ?? [];
    },
    openChannel: (id) => navigate({ kind: 'channel', channel: id, thread: null, focus: null }),
    onAction: (use) => {
      const modal = state?.modal;
      const form = byId('modal').querySelector('form');
      if (modal && form)
        void run(api.act(me, { kind: 'view', viewId: modal.id }, { ...use, values: formValues(form) }));
    },
  },
  submit: (viewId, values) => run(api.submitView(me, viewId, values)),
  close: (viewId) => void run(api.closeView(me, viewId)),
  report: toast,
});

function render(): void {
  if (!state) return;
  const s = state;
  const dm = s.channels.find((c) => c.dmWith === me);
  const current = route;
  if (current.kind === 'channel' && !s.channels.some((c) => c.id === current.channel && !c.dmWith))
    route = { kind: 'channel', channel: s.channels[0]!.id, thread: null, focus: null };
  renderSidebar({
    state: s,
    route,
    me,
    navigate,
    suggest: (channel, text) => {
      navigate({ kind: 'channel', channel, thread: null, focus: null });
      const composer = byId<HTMLTextAreaElement>('composer');
      composer.value = text;
      composer.dispatchEvent(new Event('input'));
      composer.focus();
    },
  });
  renderShortcuts(s);
  const inApp = route.kind === 'app';
  const shown = route;
  const channel = shown.kind === 'channel' ? s.channels.find((c) => c.id === shown.channel) : undefined;
  byId('channel-title').textContent = channel ? `${channel.isPrivate ? '🔒' : '#'} ${channel.name}` : s.app.name;
  byId('channel-purpose').textContent = channel ? channel.purpose : 'Records decisions where they are made.';
  byId('app-tabs').hidden = !inApp;
  // In the app, the body is the chosen tab's panel; in a channel, just the channel.
  const body = byId('channel-body');
  if (route.kind === 'app') {
    body.setAttribute('role', 'tabpanel');
    body.setAttribute('aria-labelledby', `tab-${route.tab}`);
  } else {
    body.removeAttribute('role');
    body.removeAttribute('aria-labelledby');
  }
  for (const tab of ['home', 'messages'] as const) {
    const button = byId(`tab-${tab}`);
    const selected = route.kind === 'app' && route.tab === tab;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  const showingHome = route.kind === 'app' && route.tab === 'home';
  byId('home').hidden = !showingHome;
  byId('log').hidden = showingHome;
  byId('welcome').hidden = inApp || s.messages.length > 0;
  byId('composer-form').hidden = inApp;
  byId('read-only').hidden = !(route.kind === 'app' && route.tab === 'messages');
  if (channel) {
    byId('composer').setAttribute('placeholder', `Message ${channel.isPrivate ? '🔒' : '#'}${channel.name}`);
    byId('composer-label').textContent = `Message ${channel.name}`;
    byId('post-digest').textContent = `Post #${channel.name}'s digest now`;
  }
  (byId('post-digest') as HTMLButtonElement).disabled = inApp;
  renderThread(s);
  const logChannel = route.kind === 'channel' ? route.channel : route.tab === 'messages' ? dm?.id : undefined;
  if (logChannel) renderLog(byId('log'), s, topLevel(s, logChannel), false, logChannel);
  byId('log').setAttribute('aria-label', channel ? `Messages in ${channel.name}` : `Messages from ${s.app.name}`);
  if (showingHome) renderHome(s);
  // Slack tells the app each time the Home tab is opened.
  else homeOpenedFor = null;
  showModal(s.modal);
  if (route.kind === 'channel' && route.focus) focusMessage(route.focus);
}

function topLevel(s: PageState, channel: string): Message[] {
  return s.messages.filter(
    (m) => m.channel === channel && (!m.threadTs || m.threadTs === m.ts) && !dismissed.has(m.ts),
  );
}

function messageContext(s: PageState, inThreadPane: boolean) {
  return {
    ...directory(),
    state: s,
    inThreadPane,
    onAction: (message: Message, use: ActionUse) =>
      void run(api.act(me, { kind: 'message', channel: message.channel, ts: message.ts }, use)),
    openThread: (message: Message) =>
      navigate({ kind: 'channel', channel: message.channel, thread: message.ts, focus: null }),
    runShortcut: (message: Message, callbackId: string) =>
      void run(api.shortcut(me, message.channel, callbackId, message.ts)),
    dismiss: (message: Message) => {
      dismissed.add(message.ts);
      render();
    },
  };
}

const followers = new Map<HTMLElement, { follower: Follower; shows: string }>();

/** A list of messages, kept at its newest one (followBottom.ts); `shows` names what it lists. */
function renderLog(log: HTMLElement, s: PageState, messages: Message[], inThreadPane: boolean, shows: string): void {
  let follow = followers.get(log);
  if (!follow) {
    follow = { follower: followBottom(log), shows };
    followers.set(log, follow);
  }
  const switched = follow.shows !== shows;
  follow.shows = shows;
  const context = messageContext(s, inThreadPane);
  const replies = (m: Message) =>
    inThreadPane ? 0 : s.messages.filter((r) => r.channel === m.channel && r.threadTs === m.ts && r.ts !== m.ts).length;
  reconcile(
    log,
    messages.map((m) => {
      const replyCount = replies(m);
      return {
        key: m.ts,
        signature: `${me}:${replyCount}:${JSON.stringify(m)}:${s.people.length}`,
        build: () => renderMessage(m, { ...context, replyCount }),
      };
    }),
  );
  follow.follower.stick(switched);
}

function renderThread(s: PageState): void {
  const pane = byId('thread');
  const threadTs = route.kind === 'channel' ? route.thread : null;
  const channel = route.kind === 'channel' ? route.channel : null;
  const messages =
    threadTs && channel
      ? s.messages.filter(
          (m) => m.channel === channel && (m.ts === threadTs || m.threadTs === threadTs) && !dismissed.has(m.ts),
        )
      : [];
  pane.hidden = messages.length === 0;
  if (messages.length === 0) return;
  const where = s.channels.find((c) => c.id === channel);
  byId('thread-title').textContent = `Thread in ${where?.isPrivate ? '🔒' : '#'}${where?.name ?? ''}`;
  renderLog(byId('thread-log'), s, messages, true, `${channel}:${threadTs}`);
}

function renderHome(s: PageState): void {
  const container = byId('home');
  if (homeOpenedFor !== me) {
    homeOpenedFor = me;
    void run(api.openHome(me));
  }
  const home = s.home;
  const signature = home ? `${me}:${JSON.stringify(home.view)}` : 'loading';
  if (container.dataset.signature === signature) return;
  container.dataset.signature = signature;
  if (!home) {
    container.replaceChildren(h('p', { class: 'loading' }, 'Opening the Home tab…'));
    return;
  }
  container.replaceChildren(
    renderBlocks(home.view.blocks ?? [], {
      ...directory(),
      currentChannel: null,
      onAction: (use) =>
        void run(api.act(me, { kind: 'view', viewId: home.id }, { ...use, values: formValues(container) })),
    }),
  );
}

function focusMessage(ts: string): void {
  const target = document.querySelector<HTMLElement>(`.message[data-ts="${CSS.escape(ts)}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.classList.add('highlight');
  target.focus();
  if (route.kind === 'channel') route = { ...route, focus: null };
  // The address becomes the channel's own, so the same permalink works when followed again.
  history.replaceState(null, '', formatRoute(route));
}

// ---- what the person does ----

const send = (where: { channel: string; threadTs?: string }, text: string) =>
  run(api.send(me, where.channel, text, where.threadTs));
wireComposer(byId<HTMLFormElement>('composer-form'), byId<HTMLTextAreaElement>('composer'), send, () =>
  route.kind === 'channel' ? { channel: route.channel } : null,
);
wireComposer(byId<HTMLFormElement>('thread-form'), byId<HTMLTextAreaElement>('thread-composer'), send, () =>
  route.kind === 'channel' && route.thread ? { channel: route.channel, threadTs: route.thread } : null,
);

// While a slash command is typed, Slack shows how it is used.
byId('composer').addEventListener('input', () => {
  const text = byId<HTMLTextAreaElement>('composer').value;
  const hint = byId('composer-hint');
  hint.textContent = state && text.startsWith('/') ? `${state.app.command} ${state.app.commandHint}` : '';
});

byId('close-thread').addEventListener('click', () => {
  if (route.kind === 'channel') navigate({ ...route, thread: null, focus: null });
});

byId('viewer').addEventListener('change', () => {
  me = byId<HTMLSelectElement>('viewer').value;
  localStorage.setItem(VIEWER_KEY, me);
  homeOpenedFor = null;
  void refresh();
});

byId('tab-home').addEventListener('click', () => navigate({ kind: 'app', tab: 'home' }));
byId('tab-messages').addEventListener('click', () => navigate({ kind: 'app', tab: 'messages' }));
byId('app-tabs').addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const next = route.kind === 'app' && route.tab === 'home' ? 'messages' : 'home';
  navigate({ kind: 'app', tab: next });
  byId(`tab-${next}`).focus();
});

async function loadSample(): Promise<void> {
  const buttons = [byId<HTMLButtonElement>('load-sample'), byId<HTMLButtonElement>('welcome-sample')];
  for (const button of buttons) button.disabled = true;
  toast('Loading the sample team: four decisions, two meetings, some chat and a reopening…');
  // To where the warning comes, to watch it come; not afterwards, when the person may have moved on.
  navigate({ kind: 'channel', channel: 'C0PLATFORM', thread: null, focus: null });
  const outcome = await run(api.loadSampleTeam(me));
  for (const button of buttons) button.disabled = false;
  if (outcome.ok) toast('The sample team is in. A warning waits in #platform, in the thread of the last message.');
}
byId('load-sample').addEventListener('click', () => void loadSample());
byId('welcome-sample').addEventListener('click', () => void loadSample());

byId('post-digest').addEventListener('click', async () => {
  if (route.kind !== 'channel') return;
  const channel = route.channel;
  const outcome = await run(api.postDigestNow(me, channel));
  if (outcome.ok && outcome.ts) navigate({ kind: 'channel', channel, thread: outcome.ts, focus: null });
});

/** The composer's shortcut menu: the app's global shortcuts, from its manifest. */
function renderShortcuts(s: PageState): void {
  const slot = byId('shortcuts');
  if (slot.childElementCount > 0) return;
  slot.append(
    menuButton({
      text: '⚡ Shortcuts',
      buttonClass: 'tool',
      up: true,
      heading: s.app.name,
      items: s.app.globalShortcuts.map((shortcut) => ({
        text: shortcut.name,
        onSelect: () => {
          if (route.kind === 'channel') void run(api.shortcut(me, route.channel, shortcut.callbackId));
        },
      })),
    }),
  );
}

void refresh();
