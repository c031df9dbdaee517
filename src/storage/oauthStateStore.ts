import { randomBytes } from 'node:crypto';
import type { InstallURLOptions } from '@slack/oauth';
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';

/** How long an install page's state stays good: Slack's consent screen, and a little thinking. */
const STATE_TTL_MINUTES = 10;

/**
 * OAuth states kept in the database and consumed by the redirect back: each is good once, within
 * ten minutes, whichever replica served the page or takes the callback. (Bolt's default signs
 * the state and accepts it again and again until it expires.)
 */
export function createOAuthStateStore(db: Db) {
  return {
    async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
      const state = randomBytes(24).toString('base64url');
      // States nobody came back with are dropped as new ones are handed out.
      await db.execute(
        sql`delete from oauth_states where created_at < now() - make_interval(mins => ${STATE_TTL_MINUTES * 6})`,
      );
      await db.execute(
        sql`insert into oauth_states (state, install_options) values (${state}, ${JSON.stringify(installOptions)}::jsonb)`,
      );
      return state;
    },

    async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
      const rows = rowsOf<{ install_options: InstallURLOptions | string }>(
        await db.execute(sql`
          delete from oauth_states where state = ${state} and created_at > now() - make_interval(mins => ${STATE_TTL_MINUTES})
          returning install_options`),
      );
      const options = rows[0]?.install_options;
      if (options === undefined)
        throw Object.assign(new Error('The install link has expired or was already used; start again.'), {
          code: 'slack_oauth_invalid_state',
        });
      return typeof options === 'string' ? (JSON.parse(options) as InstallURLOptions) : options;
    },
  };
}
