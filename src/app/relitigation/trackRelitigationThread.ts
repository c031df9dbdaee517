import { dayIn } from '../../domain/costs/days.js';
import { relitigationThreadCost } from '../../domain/costs/relitigationThreadCost.js';
import { costSettingsFor } from '../costs/costSettingsFor.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface TrackRelitigationThreadProps {
  services: Pick<Services, 'threadActivity' | 'costs' | 'costSettings' | 'conversations'>;
  workspace: Workspace;
  channelId: string;
  /** The thread's root ts. */
  threadTs: string;
  /** A person's reply in it. */
  message: { ts: string; author: string };
}

/** The key of a thread's relitigation cost for one decision: one cost per thread and decision. */
export function relitigationCostKey(channelId: string, threadTs: string, decisionId: string): string {
  return `thread:${channelId}:${threadTs}:${decisionId}`;
}

/**
 * Keeps the cost of a thread that relitigates a decision up to date as people reply: the
 * participants × active time from the reopening message on, recorded per decision it reopened.
 * A reopening nobody answered costs nothing yet; threads nobody was warned about cost nothing
 * here; a dismissed warning takes its cost away.
 */
export async function trackRelitigationThread({
  services,
  workspace,
  channelId,
  threadTs,
  message,
}: TrackRelitigationThreadProps): Promise<void> {
  const reopened = await services.threadActivity.relitigatedIn(workspace, channelId, threadTs);
  if (reopened.length === 0) return;
  const messages = await services.threadActivity.note(workspace, channelId, threadTs, message);
  const settings = await costSettingsFor(services, workspace, channelId);
  const channelPrivate = await services.conversations.isPrivate(workspace, channelId);
  for (const decision of reopened) {
    // Slack ts strings are fixed-width, so text order is time order.
    // The reopening message is the judgement's; the replies after it are noted here.
    const opening = decision.fromAuthor ? [{ ts: decision.fromTs, author: decision.fromAuthor }] : [];
    const since = [...opening, ...messages.filter((m) => m.ts > decision.fromTs)].map((m) => ({
      at: fromSlackTs(m.ts),
      author: m.author,
    }));
    if (since.length === 0) continue;
    const cost = relitigationThreadCost({ messages: since, settings });
    const startedAt = since[0]!.at;
    await services.costs.replace({
      workspace,
      channelId,
      channelPrivate,
      kind: 'relitigation',
      source: 'watcher',
      sourceKey: relitigationCostKey(channelId, threadTs, decision.decisionId),
      occurredAt: startedAt,
      day: dayIn(startedAt, settings.timeZone),
      title: '',
      decision: { id: decision.decisionId, ref: decision.decisionRef },
      personHours: cost.personHours,
      waitHours: 0,
      money: cost.money,
      buildHours: cost.buildHoursForgone,
      currency: cost.inputs.currency,
      inputs: {
        ...cost.inputs,
        participants: cost.participants,
        messages: cost.messages,
        activeHours: cost.activeHours,
      },
      createdBy: null,
    });
  }
}

function fromSlackTs(ts: string): Date {
  return new Date(Math.round(Number(ts) * 1000));
}
