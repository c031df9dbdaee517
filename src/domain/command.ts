/**
 * The slash command users type (the manifest registers it). Every sentence that tells a user what to
 * type says it through this constant, the digest's questions and the CLI's help included.
 */
export const COMMAND = '/decide';
