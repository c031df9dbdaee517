/**
 * What Slack hands the app with a request and later honours from it: a trigger_id (to open a
 * modal) and a response_url (to answer where the request came from). Slack keeps them on its side;
 * so does the playground, between the requests it sends (slackSide.ts) and the Web API calls and
 * response_url posts that come back (webApi.ts).
 */

/** Where a request came from: who, in which conversation, about which message. */
export interface Origin {
  userId: string;
  /** The conversation the person was in, if any (none for App Home and modals). */
  channel: string | null;
  /** The thread the request came from, where an answer to it belongs. */
  threadTs?: string;
  /** The message whose button or menu was used: replace_original and delete_original act on it. */
  messageTs?: string;
  /** That message was ephemeral, seen by `userId` alone. */
  ephemeral?: boolean;
  /** The slash command typed, shown above a public answer to it. */
  command?: string;
}

/**
 * Slack gives a trigger 3 seconds. The playground is more patient: its embedded database may be
 * slow on a first query on a busy laptop, and a modal that fails to open there would teach nothing
 * about the app. The app's own budget (its ack within 3 s) still holds, enforced by Bolt.
 */
const TRIGGER_TTL_MS = 30_000;
/** Slack honours a response_url five times within 30 minutes. */
const RESPONSE_URL_TTL_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;
// Old entries go once there are this many: a playground left open all day stays small.
const KEPT = 1000;

interface Issued {
  origin: Origin;
  issuedAt: number;
  uses: number;
}

export class Handoffs {
  private readonly triggers = new Map<string, Issued>();
  private readonly responseUrls = new Map<string, Issued>();
  private next = 1;

  issueTrigger(origin: Origin): string {
    return this.issue(this.triggers, 'trigger', origin);
  }

  issueResponseUrl(origin: Origin): string {
    return this.issue(this.responseUrls, 'response', origin);
  }

  /** The origin of a trigger_id, or Slack's error for one that is unknown or expired. */
  trigger(id: unknown): Origin | 'invalid_trigger_id' | 'expired_trigger_id' {
    return this.lookup(this.triggers, id, TRIGGER_TTL_MS, 'invalid_trigger_id', 'expired_trigger_id');
  }

  /** The origin of a response_url being used once more, or why Slack would refuse it. */
  responseUrl(id: string): Origin | 'invalid' | 'expired' | 'used_up' {
    const found = this.lookup(this.responseUrls, id, RESPONSE_URL_TTL_MS, 'invalid', 'expired');
    if (typeof found === 'string') return found;
    const issued = this.responseUrls.get(id)!;
    issued.uses += 1;
    return issued.uses > RESPONSE_URL_USES ? 'used_up' : found;
  }

  private issue(into: Map<string, Issued>, prefix: string, origin: Origin): string {
    const id = `${prefix}-${this.next++}-${Math.random().toString(36).slice(2, 10)}`;
    if (into.size >= KEPT) into.delete(into.keys().next().value!);
    into.set(id, { origin, issuedAt: Date.now(), uses: 0 });
    return id;
  }

  private lookup<U extends string, E extends string>(
    from: Map<string, Issued>,
    id: unknown,
    ttlMs: number,
    unknown: U,
    expired: E,
  ): Origin | U | E {
    const found = typeof id === 'string' ? from.get(id) : undefined;
    if (!found) return unknown;
    return Date.now() - found.issuedAt > ttlMs ? expired : found.origin;
  }
}
