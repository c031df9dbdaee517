/**
 * Keeps a message list at its newest message, as Slack does, while the person has not scrolled
 * up: through new messages, images that load late, and the list narrowing when a thread opens.
 */
export interface Follower {
  /** Scrolls to the newest message if the list was there (or `always`, for a list just switched). */
  stick(always?: boolean): void;
}

const NEAR_PX = 120;

export function followBottom(log: HTMLElement): Follower {
  let pinned = true;
  const stick = (always = false) => {
    if (always) pinned = true;
    if (pinned) log.scrollTop = log.scrollHeight;
  };
  log.addEventListener('scroll', () => {
    pinned = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_PX;
  });
  new ResizeObserver(() => stick()).observe(log);
  // Images inside report their load here (load does not bubble; capture sees it).
  log.addEventListener('load', () => stick(), true);
  return { stick };
}
