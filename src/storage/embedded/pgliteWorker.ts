/**
 * The embedded PostgreSQL (PGlite) on a worker thread of its own, speaking the wire protocol: see
 * embeddedPostgres.ts, which starts it and connects postgres.js to it. The protocol bytes of a
 * connection arrive as they were written; complete messages are run by PGlite, in order, and its
 * answer goes back whole.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { FromWorker, ToWorker, WorkerOptions } from './protocol.js';

const port = parentPort!;
const { dataDir } = workerData as WorkerOptions;

// The startup packet has no type byte: its second word is the protocol version, 3.0.
const PROTOCOL_3 = 196_608;

/** Bytes received but not yet a whole message, per connection. */
const partial = new Map<number, Buffer>();
/** Work runs one batch at a time: PGlite is one backend. */
let queue: Promise<void> = Promise.resolve();

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'data') {
      queue = queue.then(() => run(db, message.connection, Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength)));
    } else if (message.kind === 'end') {
      // As a server does when a connection drops: its transaction is rolled back and its session
      // state (prepared statements, settings, advisory locks) is not left to the next connection.
      queue = queue.then(async () => {
        partial.delete(message.connection);
        await db.exec('ROLLBACK; DISCARD ALL').catch(() => undefined);
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

/** Runs the complete messages among the bytes so far, the startup packet on its own. */
async function run(db: PGlite, connection: number, bytes: Buffer): Promise<void> {
  let buffer = partial.has(connection) ? Buffer.concat([partial.get(connection)!, bytes]) : bytes;
  const answers: Uint8Array[] = [];
  try {
    while (buffer.length >= 8 && buffer.readInt32BE(4) === PROTOCOL_3 && buffer.length >= buffer.readInt32BE(0)) {
      const length = buffer.readInt32BE(0);
      // execProtocol, which clears what it parsed; once per connection.
      answers.push((await db.execProtocol(buffer.subarray(0, length), { syncToFs: false, throwOnError: false })).data);
      buffer = buffer.subarray(length);
    }
    let whole = 0;
    while (buffer.length - whole >= 5 && buffer.length - whole >= 1 + buffer.readInt32BE(whole + 1)) whole += 1 + buffer.readInt32BE(whole + 1);
    // A batch of messages (Parse, Bind, Execute, Sync…) runs in one call, as a server reads them.
    // Streamed, not execProtocolRaw: that one also parses every answer into a list only
    // execProtocol() ever clears, so a long-lived connection's answers would pile up in memory.
    // The chunks are views of PGlite's memory, hence the copies.
    if (whole > 0) await db.execProtocolRawStream(buffer.subarray(0, whole), { syncToFs: false, onRawData: (chunk) => answers.push(chunk.slice()) });
    buffer = buffer.subarray(whole);
    // What a statement wrote reaches the data directory before its answer goes back, as with
    // PGlite's own query(): once per batch, and not inside a transaction, whose COMMIT does it.
    if (!db.isInTransaction()) await db.syncToFs();
  } catch (error) {
    post({ kind: 'error', connection, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (buffer.length > 0) partial.set(connection, Buffer.from(buffer));
  else partial.delete(connection);
  const length = answers.reduce((sum, answer) => sum + answer.length, 0);
  if (length === 0) return;
  // One buffer of its own the worker can hand over (Buffer.concat may answer with a slice of
  // Node's shared pool, which must not be transferred).
  const out = new Uint8Array(length);
  answers.reduce((at, answer) => (out.set(answer, at), at + answer.length), 0);
  post({ kind: 'data', connection, bytes: out }, [out.buffer]);
}
