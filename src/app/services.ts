import type { ConversationDirectory, DecisionDrafter, DecisionRepository } from './ports.js';

/** Everything the use cases need from the outside world, assembled once in main.ts. */
export interface Services {
  decisions: DecisionRepository;
  conversations: ConversationDirectory;
  /** Null when no OpenAI-compatible endpoint is configured. */
  drafter: DecisionDrafter | null;
  /** The clock, injectable so dates in tests are exact. */
  now: () => Date;
}
