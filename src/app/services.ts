import type { AdrRepository } from './adr/ports.js';
import type {
  CalendarFeedReader,
  CalendarSubscriptionRepository,
  CostRepository,
  CostSettingsRepository,
  GithubRepository,
} from './costs/ports.js';
import type {
  ChannelSettingsRepository,
  ThreadActivityRepository,
  JudgementRepository,
  RelitigationIndex,
  RelitigationLlm,
} from './relitigation/ports.js';
import type { DigestFactsRepository, DigestNarrator, DigestRepository } from './digests/ports.js';
import type { ConversationDirectory, DecisionDrafter, DecisionRepository } from './decisions/ports.js';
import type { WorkspacePurgeRepository, WorkspaceSettingsRepository } from './workspace/ports.js';
import type { Detector } from '../domain/relitigation/detector.js';

/** Everything the use cases need from the outside world, assembled once in main.ts. */
export interface Services {
  decisions: DecisionRepository;
  conversations: ConversationDirectory;
  relitigation: RelitigationIndex;
  /** The relitigation detector's model (models/), loaded once. */
  detector: Detector;
  judgements: JudgementRepository;
  channelSettings: ChannelSettingsRepository;
  workspaceSettings: WorkspaceSettingsRepository;
  /** The watcher's LLM help and its latency budget; null when no endpoint is configured. */
  relitigationLlm: {
    llm: RelitigationLlm;
    budgetMs: number;
    embeddingCache: Map<string, number[]>;
    /** Where message text goes, in words for the opt-in prompt (the endpoint's host). */
    endpoint: string;
  } | null;
  /** Null when no OpenAI-compatible endpoint is configured. */
  drafter: DecisionDrafter | null;
  costs: CostRepository;
  costSettings: CostSettingsRepository;
  calendars: CalendarSubscriptionRepository;
  calendarFeeds: CalendarFeedReader;
  github: GithubRepository;
  threadActivity: ThreadActivityRepository;
  digests: DigestRepository;
  digestFacts: DigestFactsRepository;
  /** Null without an LLM endpoint; used only for workspaces that opted in (`/decide llm on`). */
  digestNarrator: DigestNarrator | null;
  adrs: AdrRepository;
  /** Deletes a workspace's data at an admin's request (`/decide admin purge`). */
  workspacePurge: WorkspacePurgeRepository;
  /** The clock, injectable so dates in tests are exact. */
  now: () => Date;
}
