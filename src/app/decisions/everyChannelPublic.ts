import type { ConversationDirectory } from './ports.js';

/**
 * A directory for work outside Slack (the eval, benches, tests of the data path) where every
 * channel is public and in this workspace alone, so every decision is visible to every message.
 */
export const EVERY_CHANNEL_PUBLIC: ConversationDirectory = {
  isPrivate: async () => false,
  threadParticipants: async () => ({ participants: [], messages: [] }),
  permalink: async () => null,
  notePrivate: () => {},
  isExternallyShared: async () => false,
  noteSharing: () => {},
};
