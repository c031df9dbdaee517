import type { FakeSlack } from '../../test/support/fakeSlack.js';

/** Text that starts every relitigation warning the app posts (src/slack/blocks/relitigationWarning.ts). */
const WARNING_PREFIX = 'This reopens';

/** A relitigation warning as the app posted it; `blocks` as the fake decoded them from the form post. */
export interface WarningPost {
  channel: string;
  threadTs: string;
  text: string;
  blocks: unknown;
}

/**
 * The relitigation warnings the app posts through the fake Slack, seen as they arrive: the benches'
 * fake keeps only call counts, and a warning is a chat.postMessage like any card.
 */
export class WarningPosts {
  /** Warnings posted so far. */
  count = 0;
  /** `channel thread_ts` of every thread that got a warning → the text of its (last) warning. */
  readonly byThread = new Map<string, string>();

  /** @param onWarning called with each warning (the soak clicks its buttons) */
  constructor(fake: FakeSlack, onWarning?: (warning: WarningPost) => void) {
    fake.observe('chat.postMessage', ({ params }) => {
      if (typeof params.text !== 'string' || !params.text.startsWith(WARNING_PREFIX)) return;
      const warning = {
        channel: String(params.channel),
        threadTs: String(params.thread_ts),
        text: params.text,
        blocks: params.blocks,
      };
      this.count += 1;
      this.byThread.set(`${warning.channel} ${warning.threadTs}`, warning.text);
      onWarning?.(warning);
    });
  }
}
