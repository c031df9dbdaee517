import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import { couldReopen } from './detectRelitigation.js';

export interface ScreenedMessage {
  ts: string;
  threadTs: string | null;
  user: string | null;
  text: string;
}

/**
 * Whether a message needs the watcher's database work: it could reopen a decision, or it is a
 * person's reply in a thread that may have been warned about (what relitigating costs grows with it).
 * Most messages are neither and cost nothing more.
 */
export function screenMessage(
  services: Pick<Services, 'threadActivity' | 'detector'>,
  workspace: Workspace,
  channelId: string,
  message: ScreenedMessage,
): { needsWork: boolean; reply: { threadTs: string; author: string } | null } {
  const reply =
    message.user !== null &&
    message.threadTs !== null &&
    message.threadTs !== message.ts &&
    !services.threadActivity.knownUnwarned(workspace, channelId, message.threadTs)
      ? { threadTs: message.threadTs, author: message.user }
      : null;
  return { needsWork: reply !== null || couldReopen(services.detector, message.text), reply };
}
