import type { Outcome, SlackSide } from './slackSide.js';

/**
 * "Load the sample team": a few decisions recorded the way people record them, some ordinary chat,
 * and one message that reopens a decision — so the watcher's warning is there to click on. Every
 * step goes through the app as the page's own would (signed requests to /slack/events).
 *
 * The reopening lines were chosen by trying them against the committed detector (models/): these
 * warn at the default sensitivity; the chat lines do not.
 */

interface Step {
  as: string;
  channel: string;
  text: string;
  /** The watcher warns in this message's thread: later steps may reply there. */
  reopens?: true;
  /** A reply in the thread of the message that reopened a decision. */
  inReopeningThread?: true;
}

const STEPS: Step[] = [
  {
    as: 'U0MEI',
    channel: 'C0PLATFORM',
    text: '/decide Billing moves to Stripe instead of building our own invoicing because month-end close eats two days #payments revisit in 6 months',
  },
  {
    as: 'U0TOM',
    channel: 'C0GENERAL',
    text: '/decide The mobile app stays on React Native rather than two native codebases because we are three mobile engineers #mobile',
  },
  {
    as: 'U0RAJ',
    channel: 'C0PLATFORM',
    text: '/decide On-call rotates weekly across all backend engineers rather than hiring a dedicated SRE #oncall revisit in 3 months',
  },
  {
    as: 'U0ANA',
    channel: 'G0LEADS',
    text: '/decide No new contractors until Q3 because runway is fourteen months #hiring',
  },
  { as: 'U0ANA', channel: 'C0PLATFORM', text: '/decide meeting 45m 6 architecture sync' },
  { as: 'U0ANA', channel: 'C0PLATFORM', text: '/decide meeting 30m 4 billing incident review' },
  { as: 'U0MEI', channel: 'C0GENERAL', text: 'Standup moves to 10:15 tomorrow, the big room is booked until then.' },
  { as: 'U0TOM', channel: 'C0PLATFORM', text: 'The staging deploy is green again :tada:' },
  {
    as: 'U0RAJ',
    channel: 'C0PLATFORM',
    text: 'honestly could we drop stripe and do invoicing ourselves? the fees are getting silly',
    reopens: true,
  },
  {
    as: 'U0MEI',
    channel: 'C0PLATFORM',
    text: 'We went through this in spring: the month-end close was the whole reason.',
    inReopeningThread: true,
  },
  {
    as: 'U0TOM',
    channel: 'C0PLATFORM',
    text: 'Fair, but the fees have doubled since. Worth a look?',
    inReopeningThread: true,
  },
];

export interface SampleTeamProps {
  slack: SlackSide;
  /** Resolves once the app has finished what it does after acking (cards, warnings). */
  idle: () => Promise<void>;
}

export async function loadSampleTeam({ slack, idle }: SampleTeamProps): Promise<Outcome> {
  let reopening: string | undefined;
  for (const step of STEPS) {
    const threadTs = step.inReopeningThread ? reopening : undefined;
    const outcome = step.text.startsWith('/')
      ? await slack.command(step.as, step.channel, step.text)
      : await slack.message(step.as, step.channel, step.text, threadTs);
    if (!outcome.ok) return outcome;
    if (step.reopens && 'ts' in outcome) reopening = outcome.ts;
    // In order, as people would: a reopening is judged against the decisions already recorded.
    await idle();
  }
  return { ok: true };
}

/** Lines to try once the sample team is loaded, shown in the page's welcome panel. */
export const TRY_NEXT = [
  { channel: 'C0GENERAL', text: 'react native keeps fighting us, should we just write native iOS and Android apps?' },
  // The same search in a public and in the private channel: a private channel's decisions stay in it.
  { channel: 'C0GENERAL', text: '/decide search contractors' },
  { channel: 'G0LEADS', text: '/decide search contractors' },
  { channel: 'C0PLATFORM', text: '/decide search stripe' },
  { channel: 'C0PLATFORM', text: '/decide costs' },
  { channel: 'C0PLATFORM', text: '/decide digest preview' },
];
