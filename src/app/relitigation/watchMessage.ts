import type { Decision } from '../../domain/decision.js';
import type { Verdict } from '../../domain/relitigation/types.js';
import { restrain } from '../../domain/watchRestraint.js';
import { channelViewer } from '../decisions/channelViewer.js';
import { judgeMessage } from './judgeMessage.js';
import type { StoredJudgement } from './ports.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface WatchMessageProps {
  services: Pick<
    Services,
    | 'decisions'
    | 'conversations'
    | 'relitigation'
    | 'detector'
    | 'judgements'
    | 'channelSettings'
    | 'workspaceSettings'
    | 'relitigationLlm'
    | 'now'
  >;
  workspace: Workspace;
  channelId: string;
  message: { ts: string; threadTs: string | null; user: string | null; text: string };
}

export interface Warning {
  judgement: StoredJudgement;
  decision: Decision;
  verdict: Verdict;
}

/**
 * Judges one channel message: which recorded decisions it reopens, filtered through restraint
 * (one warning per thread and decision, a cooling period per channel, dismissals). Every verdict is
 * recorded; the warnings this call may post are returned, each already claimed in the database.
 */
export async function watchMessage({ services, workspace, channelId, message }: WatchMessageProps): Promise<Warning[]> {
  const sensitivity = await services.channelSettings.watch(workspace, channelId);
  if (sensitivity === 'off') return [];
  // How the channel sees the ledger costs a Slack lookup the first time: only asked when needed.
  let viewer: ReturnType<typeof channelViewer> | undefined;
  const viewerOnce = () => (viewer ??= channelViewer(services, workspace, channelId));
  const { verdicts, mode } = await judgeMessage({
    isolated: async () => (await viewerOnce()).isolated === true,
    index: services.relitigation,
    detector: services.detector,
    workspace,
    channelId,
    text: message.text,
    sensitivity,
    // Message text leaves the deployment only for workspaces that opted in.
    llmHelp: async () =>
      services.relitigationLlm && (await services.workspaceSettings.llmOptIn(workspace))
        ? services.relitigationLlm
        : null,
  });
  if (verdicts.length === 0) return [];
  const kept = worthRecording(verdicts);

  const threadTs = message.threadTs ?? message.ts;
  const facts = await services.judgements.restraintFacts(
    workspace,
    channelId,
    threadTs,
    kept.map((v) => v.decision.id),
  );
  const now = services.now();
  const recorded = await services.judgements.recordAll(
    kept.map((verdict) => ({
      workspace,
      channelId,
      messageTs: message.ts,
      threadTs,
      author: message.user,
      decisionId: verdict.decision.id,
      decisionRef: verdict.decision.ref,
      topic: verdict.topic,
      stance: verdict.stance,
      tier: verdict.tier,
      outcome: restrain(verdict.tier, facts.get(verdict.decision.id) ?? NOTHING_KNOWN, now),
      mode,
      modelVersion: services.detector.model.version,
    })),
  );
  const warnings: Warning[] = [];
  for (const [i, judgement] of recorded.entries()) {
    if (judgement?.outcome !== 'warned') continue;
    const verdict = kept[i]!;
    const decision = await services.decisions.findByRef(workspace, verdict.decision.ref, await viewerOnce());
    if (decision) warnings.push({ judgement, decision, verdict });
  }
  return warnings;
}

const NOTHING_KNOWN = { warnedInThread: false, dismissedInThread: false, lastWarnedInChannelAt: null };

/** Weak verdicts kept per message besides the strong ones: the digest counts topics, not every near miss. */
const WEAK_KEPT = 2;

function worthRecording(verdicts: Verdict[]): Verdict[] {
  const strong = verdicts.filter((v) => v.tier === 'strong');
  const weak = verdicts
    .filter((v) => v.tier === 'weak')
    .sort((a, b) => b.topic - a.topic)
    .slice(0, WEAK_KEPT);
  return [...strong, ...weak];
}
