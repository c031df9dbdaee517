import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';

/** The Events API events this app handles. */
export type HandledEvent =
  | 'message'
  | 'app_home_opened'
  | 'app_uninstalled'
  | 'tokens_revoked'
  | 'channel_shared'
  | 'channel_unshared';

export type EventHandlers = {
  [E in HandledEvent]: (args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs) => Promise<void>;
};

/**
 * Events API deliveries go straight to their handler from one global middleware, and never reach
 * Bolt's listeners. Bolt runs every registered listener's matchers on every request, copying its
 * arguments for each: with this app's commands, shortcuts, views and buttons that routing cost
 * four times a bare app's for each message event, and message events are nearly all the traffic.
 * Everything else (commands, shortcuts, views, actions) goes on to the listeners.
 */
export function eventRouter(handlers: EventHandlers): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (!('event' in args) || args.event === undefined) return args.next();
    const type = args.event.type as string;
    if (!Object.hasOwn(handlers, type)) return;
    // The args were built by Bolt for this very event type.
    await handlers[type as HandledEvent](args as never);
  };
}
