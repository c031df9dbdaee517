/**
 * The soak's traffic: what a busy team's Slack sends the app, as signed HTTP requests. Mostly
 * channel messages (bench/lib/workload.ts's MessageMix: chatter, thread replies, mentions of
 * recorded decisions, reopenings), then `/decide` commands, and clicks on the buttons of the
 * relitigation warnings the app posted. Kinds are drawn from a seeded generator, so two runs send
 * the same sequence.
 */
import { randomUUID } from 'node:crypto';
import { formatRef } from '../../src/domain/decision.js';
import { ACTION } from '../../src/slack/ids.js';
import { prng } from '../../test/support/prng.js';
import type { FakeSlack } from '../../test/support/fakeSlack.js';
import type { SignedRequest } from '../../test/support/slackRequests.js';
import { signedCommand, signedInteraction, signedMessageEvent } from './slackBodies.js';
import { TEAM } from './targets.js';
import type { WarningPost } from './warningPosts.js';
import { CHATTER_CHANNEL, MessageMix, topic } from './workload.js';

export type RequestKind = 'message' | 'record' | 'search' | 'show' | 'list' | 'costs' | 'button';

/** Shares per thousand requests, and what each kind is. */
export const MIX: readonly { kind: RequestKind; perMille: number; what: string }[] = [
  {
    kind: 'message',
    perMille: 930,
    what: 'message events (MessageMix: ~85% chatter and replies, ~10% mentions, ~5% reopenings)',
  },
  { kind: 'search', perMille: 20, what: '/decide search <word>' },
  { kind: 'show', perMille: 20, what: '/decide show D-n' },
  { kind: 'record', perMille: 10, what: '/decide <a new decision> (unique text each time)' },
  { kind: 'list', perMille: 10, what: '/decide list [#tag]' },
  { kind: 'costs', perMille: 5, what: '/decide costs' },
  {
    kind: 'button',
    perMille: 5,
    what: 'block_actions on a posted warning ("Not a reopening" / "View D-n"; a message event until a warning exists)',
  },
];

/** Warnings remembered for clicks; older ones are forgotten. */
const REMEMBERED_WARNINGS = 1000;
const COMMAND_USERS = ['U0ANA', 'U0RAJ', 'U0MEI', 'U0TOM', 'U0SAM', 'U0LEA'];

interface Warning {
  judgementId: string;
  channel: string;
  threadTs: string;
}

export class SoakTraffic {
  readonly sent: Record<RequestKind, number> = {
    message: 0,
    search: 0,
    show: 0,
    record: 0,
    list: 0,
    costs: 0,
    button: 0,
  };
  readonly messages: MessageMix;
  private readonly random = prng(0x50a4);
  private readonly tsBase = Math.floor(Date.now() / 1000);
  private readonly runTag = Date.now().toString(36);
  private sequence = 0;
  /** Warnings nobody has clicked yet, newest last: people answer the fresh ones. */
  private readonly unanswered: Warning[] = [];
  private readonly seen: Warning[] = [];

  /**
   * @param fake where response_urls point
   * @param refs the seeded ledger's refs, by decision index (MessageMix's `about`)
   */
  constructor(
    private readonly fake: FakeSlack,
    private readonly refs: readonly number[],
  ) {
    this.messages = new MessageMix(refs.length);
  }

  /** WarningPosts' onWarning: remembers the warning's judgement for a later click. */
  noteWarning = (post: WarningPost): void => {
    const judgementId = dismissValue(post.blocks);
    if (judgementId === null) return;
    const warning = { judgementId, channel: post.channel, threadTs: post.threadTs };
    this.unanswered.push(warning);
    this.seen.push(warning);
    if (this.unanswered.length > REMEMBERED_WARNINGS) this.unanswered.shift();
    if (this.seen.length > REMEMBERED_WARNINGS) this.seen.shift();
  };

  next(): { request: SignedRequest; tag: RequestKind } {
    let kind = this.drawKind();
    const seq = ++this.sequence;
    if (kind === 'button' && this.seen.length === 0) kind = 'message';
    this.sent[kind] += 1;
    const n = this.sent[kind];
    if (kind === 'message') return { request: this.messageEvent(seq), tag: kind };
    if (kind === 'button') return { request: this.buttonClick(seq, n), tag: kind };
    // What the command is about: a decision of the seeded ledger.
    const t = topic(Math.floor(this.random() * this.refs.length));
    switch (kind) {
      case 'search':
        // Half by product ("Kafka"), half by service ("billing").
        return { request: this.command(seq, `search ${n % 2 === 0 ? t.chosen : t.service}`), tag: kind };
      case 'show':
        return { request: this.command(seq, `show ${formatRef(this.refs[t.index]!)}`), tag: kind };
      case 'record':
        return {
          request: this.command(
            seq,
            `Pilot ${t.rejected[0]} for ${t.service} ${t.purpose} in squad ${this.runTag}-${n} instead of ${t.chosen} because ${t.complaint} #${t.area.tag}`,
          ),
          tag: kind,
        };
      case 'list':
        return { request: this.command(seq, n % 2 === 0 ? 'list' : `list #${t.area.tag}`), tag: kind };
      case 'costs':
        return { request: this.command(seq, 'costs'), tag: kind };
    }
  }

  private drawKind(): RequestKind {
    let roll = this.random() * 1000;
    for (const { kind, perMille } of MIX) {
      roll -= perMille;
      if (roll < 0) return kind;
    }
    return 'message';
  }

  /** An Events API delivery of the mix's next channel message (unique event_id, or the app drops it as a redelivery). */
  private messageEvent(seq: number): SignedRequest {
    const ts = `${this.tsBase + Math.floor(seq / 1e6)}.${String(seq % 1e6).padStart(6, '0')}`;
    return signedMessageEvent(this.messages.next(ts), ts, `Ev0SOAK${this.runTag}${seq}`);
  }

  /** `/decide <text>` from the chatter channel, as Slack posts it; a unique trigger_id each time. */
  private command(seq: number, text: string): SignedRequest {
    return signedCommand({
      channel: CHATTER_CHANNEL,
      user: COMMAND_USERS[seq % COMMAND_USERS.length]!,
      text,
      responseUrl: this.fake.responseUrl(`soak-${seq}`),
      triggerId: `trigger-${randomUUID()}`,
    });
  }

  /** Every other click answers the newest unanswered warning "Not a reopening"; the rest view a recent one. */
  private buttonClick(seq: number, n: number): SignedRequest {
    const dismiss = n % 2 === 1 && this.unanswered.length > 0;
    const warning = dismiss ? this.unanswered.pop()! : this.seen[Math.floor(this.random() * this.seen.length)]!;
    const payload = {
      type: 'block_actions',
      team: { id: TEAM, domain: 'acme' },
      user: { id: COMMAND_USERS[seq % COMMAND_USERS.length]!, username: 'soak', team_id: TEAM },
      api_app_id: 'A0APP',
      channel: { id: warning.channel, name: 'bench' },
      container: { type: 'message', message_ts: warning.threadTs, channel_id: warning.channel, is_ephemeral: false },
      message: { type: 'message', ts: warning.threadTs, text: 'warning' },
      trigger_id: `trigger-${randomUUID()}`,
      response_url: this.fake.responseUrl(`soak-${seq}`),
      actions: [
        {
          type: 'button',
          action_id: dismiss ? ACTION.warningDismiss : ACTION.warningView,
          block_id: 'warning',
          value: warning.judgementId,
          action_ts: String(Date.now() / 1000),
        },
      ],
    };
    return signedInteraction(payload);
  }
}

/** The value of a warning's "Not a reopening" button: its judgement's id. */
function dismissValue(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return null;
  for (const block of blocks as { elements?: { action_id?: string; value?: string }[] }[]) {
    const button = block.elements?.find((e) => e.action_id === ACTION.warningDismiss);
    if (typeof button?.value === 'string') return button.value;
  }
  return null;
}
