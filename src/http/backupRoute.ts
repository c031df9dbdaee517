import type { Database } from '../storage/database.js';
import type { Route } from './appServer.js';
import { bearerMatches } from './bearerToken.js';

export const BACKUP_PATH = '/admin/backup';

export interface BackupRouteProps {
  database: Pick<Database, 'backup'>;
  /** ADMIN_TOKEN; null → the route answers 404, as if it were not there. */
  token: string | null;
}

/**
 * GET /admin/backup: a backup of the embedded database while the app runs on, for `npm run cli --
 * backup FILE --from URL`. The app holds the data folder's lock, so no other process can copy the
 * folder safely; the app's own database worker takes the backup between transactions
 * (Database.backup). Only with `Authorization: Bearer <ADMIN_TOKEN>`: the backup is the whole
 * ledger, installation tokens (encrypted) included.
 */
export function backupRoute({ database, token }: BackupRouteProps): Route {
  return {
    method: 'GET',
    path: BACKUP_PATH,
    handler: async (req, res) => {
      const json = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (token === null) return json(404, { error: 'admin_token_not_set' });
      if (!bearerMatches(req.headers.authorization, token)) return json(401, { error: 'unauthorized' });
      if (!database.backup)
        return json(409, {
          error: 'not_embedded',
          message: 'The app keeps its ledger in PostgreSQL (DATABASE_URL): back it up with pg_dump.',
        });
      const bytes = await database.backup();
      res
        .writeHead(200, {
          'content-type': 'application/gzip',
          'content-length': String(bytes.byteLength),
          'content-disposition': 'attachment; filename="decision-ledger.tar.gz"',
        })
        .end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  };
}
