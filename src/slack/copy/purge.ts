import { COMMAND } from '../ids.js';

/**
 * `/decide admin purge` and its buttons, besides the confirmation's own blocks
 * (blocks/purgeConfirmation.ts) and the refusal (adminOnly.ts).
 */

export const PURGE_COUNT_FAILED =
  "I couldn't read what is stored just now; nothing was deleted. Try again in a minute.";

/** "Delete everything" pressed under a confirmation counted for another workspace. */
export const PURGE_BUTTON_EXPIRED = `That button has expired. Run \`${COMMAND} admin purge\` again.`;

export const PURGE_DATABASE_DOWN = `I couldn't reach the database just now. Run \`${COMMAND} admin purge\` again to see what is left.`;
