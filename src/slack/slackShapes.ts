/**
 * Slack's own shapes of a message's ts ("1700000000.000100") and a conversation id. A signed
 * payload whose fields are anything else (a number, an object, a ts of 5,000 characters, SQL,
 * nothing at all) did not come from Slack's UI: listeners that store or look up by these fields
 * check them first and ignore the payload whole, instead of reading it leniently.
 */
const SLACK_TS = /^\d{1,12}\.\d{1,8}$/;
const SLACK_CONVERSATION_ID = /^[CDG][A-Z0-9]{2,40}$/;

export const isSlackTs = (value: unknown): value is string => typeof value === 'string' && SLACK_TS.test(value);

export const isSlackConversationId = (value: unknown): value is string => typeof value === 'string' && SLACK_CONVERSATION_ID.test(value);
