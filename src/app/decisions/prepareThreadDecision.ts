import type { Decision } from '../../domain/decision.js';
import type { DecisionDraft } from './ports.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface PrepareThreadDecisionProps {
  services: Pick<Services, 'decisions' | 'conversations' | 'drafter'>;
  workspace: Workspace;
  channelId: string;
  message: { ts: string; threadTs: string | null; user: string | null; text: string };
}

export type PreparedThreadDecision =
  | { kind: 'existing'; decision: Decision }
  | {
      kind: 'new';
      /** People who wrote in the thread, offered as deciders; the message's author first. */
      participants: string[];
      permalink: string | null;
      /** The thread's opening message when the shortcut was used on a reply. */
      threadOpening: string | null;
      draft: DecisionDraft | null;
    };

/**
 * Everything the "Log as decision" form needs before it opens: the existing record if this message
 * was logged already, otherwise the thread's participants and, when an LLM is configured, a draft.
 * Slack or LLM failures only make the form emptier; they never stop it from opening.
 */
export async function prepareThreadDecision(props: PrepareThreadDecisionProps): Promise<PreparedThreadDecision> {
  const { services, workspace, channelId, message } = props;
  const existing = await services.decisions.findBySourceMessage(workspace, channelId, message.ts);
  if (existing) return { kind: 'existing', decision: existing };

  const [thread, permalink] = await Promise.all([
    services.conversations.threadParticipants(workspace, channelId, message.threadTs ?? message.ts),
    services.conversations.permalink(workspace, channelId, message.ts, message.threadTs),
  ]);
  const participants = [...new Set([...(message.user ? [message.user] : []), ...thread.participants])];
  const opening = thread.messages[0];
  const threadOpening = message.threadTs && message.threadTs !== message.ts && opening ? opening.text : null;
  const messages = thread.messages.length > 0 ? thread.messages : [{ user: message.user ?? '', text: message.text }];
  const draft = services.drafter ? await services.drafter.draftFromThread(messages) : null;
  return { kind: 'new', participants, permalink, threadOpening, draft };
}
