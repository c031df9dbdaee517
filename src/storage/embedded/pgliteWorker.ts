/**
 * The embedded PostgreSQL (PGlite) on a worker thread of its own, speaking the wire protocol: see
 * embeddedPostgres.ts, which starts it and connects postgres.js to it. The protocol bytes of a
 * connection arrive as they were written; complete messages (framing.ts) are run by PGlite, in
 * order, and its answer goes back whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { frameMessages } from './framing.js';
import type { FromWorker, ToWorker, WorkerOptions } from './protocol.js';

const port = parentPort!;
const { dataDir } = workerData as WorkerOptions;

/**
 * PostgreSQL's page cache inside PGlite's WebAssembly memory, all of it resident from the start:
 * the default 128 MB was half the app's memory. PGlite reads its data folder through the operating
 * system, whose file cache keeps a team's ledger warm outside the process, so 16 MB is plenty.
 */
const SHARED_BUFFERS = '16MB';

/**
 * PostgreSQL's WebAssembly runs as V8's baseline (Liftoff) code only. The optimising tier's code
 * for it stayed resident, about 60 MB of the process, and queries measured no slower without it
 * (docs/performance.md). Process-wide, but PGlite is the only WebAssembly the app runs.
 */
v8.setFlagsFromString('--liftoff-only');

/**
 * An empty, migrated database made at build time (scripts/build.mjs). PGlite creating one in an
 * empty folder runs initdb beside itself: three WebAssembly instances, 700 MB resident at a first
 * start, enough for a 512 MB container to be killed before it ever served. Unpacking this costs
 * one instance, and no migration is left to run. Resolves to <root>/dist/ from
 * src/storage/embedded/ and dist/storage/embedded/ alike.
 */
const BUILT_TEMPLATE = new URL('../../../dist/pglite-template.tar', import.meta.url);

/**
 * The template, for a database PGlite has not made yet (an in-memory one, as tests and scratch
 * runs use, is always new); nothing, and PGlite makes it, otherwise.
 */
function templateFor(dataDir: string): { loadDataDir: Blob } | Record<string, never> {
  const made = !dataDir.includes('://') && existsSync(join(dataDir, 'PG_VERSION'));
  if (made || !existsSync(BUILT_TEMPLATE)) return {};
  return { loadDataDir: new Blob([readFileSync(BUILT_TEMPLATE)]) };
}

/** PostgreSQL's answer to a request for TLS or GSS encryption it does not offer. */
const DECLINE_ENCRYPTION = new Uint8Array([0x4e]);

/** Bytes received but not yet a whole message, per connection. */
const partial = new Map<number, Buffer>();
/** Connections that have sent their startup packet. */
const started = new Set<number>();
/** Work runs one batch at a time: PGlite is one backend. */
let queue: Promise<void> = Promise.resolve();
/** Backups asked for and not yet taken: each waits until no transaction is open. */
let dumpsWaiting = 0;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const db = await PGlite.create(dataDir, {
    ...templateFor(dataDir),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
  });
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'data') {
      queue = queue
        .then(() =>
          run(
            db,
            message.connection,
            Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength),
          ),
        )
        .then(() => dumpIfQuiet(db));
    } else if (message.kind === 'dump') {
      dumpsWaiting += 1;
      queue = queue.then(() => dumpIfQuiet(db));
    } else if (message.kind === 'end') {
      // As a server does when a connection drops: its transaction is rolled back and its session
      // state (prepared statements, settings, advisory locks) is not left to the next connection.
      queue = queue.then(async () => {
        partial.delete(message.connection);
        started.delete(message.connection);
        await db.exec('ROLLBACK; DISCARD ALL').catch(() => undefined);
        await dumpIfQuiet(db);
      });
    } else {
      queue = queue.then(async () => {
        await db.close();
        post({ kind: 'closed' });
        port.close();
      });
    }
  });
  post({ kind: 'ready' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
}

/**
 * Takes the backups asked for once no transaction is open: a backup then holds every committed
 * transaction whole and nothing of one under way (PGlite's dumpDataDir: a gzipped tarball of the
 * data directory, written to disk first). Nothing else runs meanwhile: this is the one backend.
 */
async function dumpIfQuiet(db: PGlite): Promise<void> {
  if (dumpsWaiting === 0 || db.isInTransaction()) return;
  const waiting = dumpsWaiting;
  dumpsWaiting = 0;
  try {
    const bytes = new Uint8Array(await (await db.dumpDataDir('gzip')).arrayBuffer());
    for (let i = 0; i < waiting; i++) {
      const copy = i === waiting - 1 ? bytes : bytes.slice();
      post({ kind: 'dumped', bytes: copy }, [copy.buffer as ArrayBuffer]);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (let i = 0; i < waiting; i++) post({ kind: 'dump-failed', message });
  }
}

/** Runs the complete messages among the bytes so far (see framing.ts), and sends back the answers. */
async function run(db: PGlite, connection: number, bytes: Buffer): Promise<void> {
  const buffer = partial.has(connection) ? Buffer.concat([partial.get(connection)!, bytes]) : bytes;
  const { frames, rest, started: nowStarted, violation } = frameMessages(buffer, started.has(connection));
  if (nowStarted) started.add(connection);
  const answers: Uint8Array[] = [];
  try {
    for (const frame of frames) {
      if (frame.kind === 'startup') {
        // execProtocol, which clears what it parsed; once per connection.
        answers.push((await db.execProtocol(frame.bytes, { syncToFs: false, throwOnError: false })).data);
      } else if (frame.kind === 'decline-encryption') {
        answers.push(DECLINE_ENCRYPTION);
      } else if (frame.kind === 'messages') {
        // Streamed, not execProtocolRaw: that one also parses every answer into a list only
        // execProtocol() ever clears, so a long-lived connection's answers would pile up in memory.
        // The chunks are views of PGlite's memory, hence the copies.
        await db.execProtocolRawStream(frame.bytes, {
          syncToFs: false,
          onRawData: (chunk) => answers.push(chunk.slice()),
        });
      }
    }
    // What a statement wrote reaches the data directory before its answer goes back, as with
    // PGlite's own query(): once per batch, and not inside a transaction, whose COMMIT does it.
    if (!db.isInTransaction()) await db.syncToFs();
  } catch (error) {
    post({ kind: 'error', connection, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (rest.length > 0) partial.set(connection, Buffer.from(rest));
  else partial.delete(connection);
  const length = answers.reduce((sum, answer) => sum + answer.length, 0);
  if (length > 0) {
    // One buffer of its own the worker can hand over (Buffer.concat may answer with a slice of
    // Node's shared pool, which must not be transferred).
    const out = new Uint8Array(length);
    let at = 0;
    for (const answer of answers) {
      out.set(answer, at);
      at += answer.length;
    }
    post({ kind: 'data', connection, bytes: out }, [out.buffer]);
  }
  // As a server does, the connection ends after what came before the violation has run.
  if (violation) post({ kind: 'error', connection, message: `protocol violation: ${violation}` });
}
