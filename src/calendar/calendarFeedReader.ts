import type { CalendarFeedReader } from '../app/costs/ports.js';
import { validateFeedUrl } from './feedUrl.js';
import { fetchIcsFeed } from './fetchIcsFeed.js';

export interface CalendarFeedReaderOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Tests fetch from 127.0.0.1; a deployment never does (the server would fetch its own network). */
  allowPrivateHosts?: boolean;
}

/** ICS feeds over HTTP(S), read with node-ical. */
export function createCalendarFeedReader(options: CalendarFeedReaderOptions): CalendarFeedReader {
  return {
    normalise(url) {
      return validateFeedUrl(url, { allowPrivateHosts: options.allowPrivateHosts });
    },
    async meetings(url, window) {
      const checked = validateFeedUrl(url, { allowPrivateHosts: options.allowPrivateHosts });
      if (!checked.ok) return { ok: false, problem: checked.problem };
      const fetched = await fetchIcsFeed(checked.url, {
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxBytes,
        allowPrivateHosts: options.allowPrivateHosts,
      });
      if (!fetched.ok) return fetched;
      // node-ical and its Temporal polyfill cost ~10 MB: loaded by the first feed read, not at start.
      const { meetingsFromIcs } = await import('./icsMeetings.js');
      const read = meetingsFromIcs(fetched.text, window);
      if (!read.ok) return read;
      const skipped = Object.values(read.skipped).reduce((a, b) => a + b, 0);
      return {
        ok: true,
        meetings: read.meetings.map((m) => ({
          key: m.key,
          title: m.title,
          start: m.start,
          minutes: m.minutes,
          attendees: m.attendees,
        })),
        skipped,
      };
    },
  };
}
