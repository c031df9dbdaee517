import type { AdminRefusal } from '../../app/workspace/adminOnly.js';
import type { SlackFailure } from '../slackFailure.js';
import { describeSlackFailure } from './failures.js';

/** Why an action reserved to workspace admins and owners did nothing. */

/** `/decide llm on|off` refused; `failure` is Slack's, when it would not say who is asking. */
export function describeLlmRefusal(reason: AdminRefusal, orgWide: boolean, failure?: SlackFailure): string {
  if (reason === 'not_admin')
    return `Only ${adminsOf(orgWide)} can turn the LLM's second opinion on or off: it sends messages from every channel I am in, private ones included, to the LLM endpoint. The setting is unchanged; ask one of them.`;
  return `I couldn't check with Slack that you are one of the ${adminsOf(orgWide)}, so the setting is unchanged. ${roleUnknownCause(failure)}`;
}

/** Why `/decide admin purge` (or its button) did nothing; `failure` is Slack's, when it would not say who is asking. */
export function describePurgeRefusal(reason: AdminRefusal, orgWide: boolean, failure?: SlackFailure): string {
  if (reason === 'not_admin')
    return `Only ${adminsOf(orgWide)} can delete ${orgWide ? "the organisation's" : "this workspace's"} Decision Ledger data. Nothing was deleted.`;
  return `I couldn't check with Slack that you are one of the ${adminsOf(orgWide)}, so nothing was deleted. ${roleUnknownCause(failure)}`;
}

/** The cost settings form's "for the whole workspace" refused. */
export function describeSettingsScopeRefusal(reason: AdminRefusal): string {
  return reason === 'not_admin'
    ? 'Only workspace admins and owners can save settings for the whole workspace. Save them for this channel instead.'
    : "I couldn't check with Slack that you are a workspace admin or owner. Save for this channel, or try again in a minute.";
}

/** Who may act for the whole ledger: on an org-wide install, the organisation's admins and owners. */
function adminsOf(orgWide: boolean): string {
  return orgWide ? 'admins and owners of the organisation' : 'workspace admins and owners';
}

/** Why Slack could not say whether someone is an admin, and what to do about it. */
function roleUnknownCause(failure?: SlackFailure): string {
  if (failure?.kind === 'other' && failure.code === 'missing_scope')
    return 'The app lacks the users:read permission it needs for that: ask whoever installed it to reinstall it.';
  return failure ? `${describeSlackFailure(failure, 'Slack')} Try again in a minute.` : 'Try again in a minute.';
}
