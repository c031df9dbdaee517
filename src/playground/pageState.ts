import type { AppSurfaces } from './manifest.js';
import { TRY_NEXT } from './sampleTeam.js';
import { BOT, type Message, type PlaygroundWorkspace } from './workspace.js';

/**
 * What the page shows one person: the workspace as that person sees it. Other people's ephemeral
 * messages, modals and Home tabs stay out, as they would in Slack.
 */
export function pageState(workspace: PlaygroundWorkspace, viewer: string, surfaces: AppSurfaces) {
  const modal = workspace.topModal(viewer);
  const homeId = workspace.homes.get(viewer);
  const home = homeId ? workspace.views.get(homeId) : undefined;
  return {
    version: workspace.version,
    me: viewer,
    app: { name: BOT.name, botId: BOT.botId, botUserId: BOT.botUserId, ...surfaces },
    people: workspace.people,
    channels: workspace.channels.filter((c) => !c.dmWith || c.dmWith === viewer),
    messages: workspace.messages.filter((m) => !m.ephemeralTo || m.ephemeralTo === viewer).map(forPage),
    modal: modal ? { id: modal.id, view: modal.view, openedIn: modal.openedIn } : null,
    home: home ? { id: home.id, view: home.view } : null,
    suggestions: TRY_NEXT,
  };
}

function forPage(message: Message) {
  return {
    ...message,
    ...(message.files
      ? { files: message.files.map((f) => ({ ...f, url: `/playground/file?id=${encodeURIComponent(f.id)}` })) }
      : {}),
  };
}
