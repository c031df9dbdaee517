import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';

/** What Bolt hands every `/decide` sub-command handler. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
