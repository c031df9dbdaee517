import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerOptions } from './protocol.js';

/**
 * The embedded database (PGlite) as a PostgreSQL server on a worker thread of its own, which
 * postgres.js reaches through `connect()` as it would a server through a socket. So the app speaks
 * to both databases through one driver, and PGlite's work — WebAssembly that runs to completion —
 * never holds the event loop that answers Slack. PGlite is one backend: a client must open one
 * connection at a time (postgres.js with `max: 1`).
 */
export interface EmbeddedPostgres {
  /** A socket-like duplex for postgres.js's `socket` option. */
  connect(): ProtocolSocket;
  /**
   * The data directory as a gzipped tarball, taken between transactions while the app runs on:
   * what `restoreDataFolder` loads into an empty folder.
   */
  dump(): Promise<Uint8Array>;
  /** Closes PGlite (writing what it holds to the data directory) and ends the worker. */
  close(): Promise<void>;
}

/** The worker's code: JavaScript once built, TypeScript under tsx and vitest. */
function startWorker(options: WorkerOptions): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./pgliteWorker${typescript ? '.ts' : '.js'}`, import.meta.url);
  if (!typescript) return new Worker(entry, { workerData: options });
  // tsx's loader is registered in the worker before its entry loads: on Node 20 a worker's
  // `execArgv: ['--import', 'tsx']` does not apply to the entry itself.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}

export async function startEmbeddedPostgres(options: WorkerOptions): Promise<EmbeddedPostgres> {
  const worker = startWorker(options);
  const sockets = new Map<number, ProtocolSocket>();
  let nextConnection = 1;
  let gone: Error | null = null;
  let closed: (() => void) | null = null;
  /** Backups asked for, answered in order. */
  const dumps: { resolve(bytes: Uint8Array): void; reject(error: Error): void }[] = [];

  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const fail = (error: Error) => {
    gone ??= error;
    for (const socket of sockets.values()) socket.lost(error);
    sockets.clear();
    for (const dump of dumps.splice(0)) dump.reject(error);
  };

  await new Promise<void>((resolve, reject) => {
    const onStart = (message: FromWorker) => {
      if (message.kind === 'ready') resolve();
      else if (message.kind === 'failed')
        reject(new Error(`the embedded database could not start: ${message.message}`));
    };
    worker.once('message', onStart);
    worker.once('error', reject);
  });

  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'data') sockets.get(message.connection)?.receive(message.bytes);
    else if (message.kind === 'error')
      sockets.get(message.connection)?.lost(connectionError(`the embedded database failed: ${message.message}`));
    else if (message.kind === 'dumped') dumps.shift()?.resolve(message.bytes);
    else if (message.kind === 'dump-failed')
      dumps.shift()?.reject(new Error(`the embedded database could not be backed up: ${message.message}`));
    else if (message.kind === 'closed') closed?.();
  });
  worker.on('error', (error) => fail(connectionError(`the embedded database failed: ${error.message}`)));
  worker.on('exit', (code) => {
    fail(connectionError(`the embedded database stopped (worker exit ${code})`));
    closed?.();
  });

  return {
    connect() {
      const id = nextConnection++;
      const socket = new ProtocolSocket({
        write: (bytes) => {
          // A copy of its own to hand over: postgres.js may reuse its buffers.
          const copy = new Uint8Array(bytes);
          send({ kind: 'data', connection: id, bytes: copy }, [copy.buffer]);
        },
        end: () => {
          sockets.delete(id);
          if (!gone) send({ kind: 'end', connection: id });
        },
      });
      // Once postgres.js listens, as a refused TCP connection would fail.
      if (gone) setImmediate(() => socket.lost(gone!));
      else sockets.set(id, socket);
      return socket;
    },
    dump() {
      if (gone) return Promise.reject(gone);
      return new Promise<Uint8Array>((resolve, reject) => {
        dumps.push({ resolve, reject });
        send({ kind: 'dump' });
      });
    },
    async close() {
      if (gone) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        send({ kind: 'close' });
      });
      gone ??= connectionError('the embedded database is closed');
      await worker.terminate();
    },
  };
}

/**
 * An error postgres.js (and isDatabaseUnavailable) read as a connection that is gone: the app
 * retries the work for a while and reports the database down, as for a PostgreSQL server.
 */
function connectionError(message: string): Error {
  return Object.assign(new Error(message), { code: 'CONNECTION_CLOSED' });
}

/** The part of net.Socket postgres.js uses, over the worker's messages. */
export class ProtocolSocket extends EventEmitter {
  readyState: 'open' | 'closed' = 'open';

  constructor(private readonly link: { write(bytes: Uint8Array): void; end(): void }) {
    super();
  }

  write(chunk: Uint8Array, callback?: () => void): boolean {
    if (this.readyState === 'closed') return false;
    this.link.write(chunk);
    callback?.();
    return true;
  }

  end(chunk?: Uint8Array): void {
    if (this.readyState === 'closed') return;
    // postgres.js says goodbye (Terminate); PGlite's one backend stays up for the next connection.
    void chunk;
    this.close();
  }

  destroy(): void {
    this.close();
  }

  /** Bytes from the server. */
  receive(bytes: Uint8Array): void {
    if (this.readyState === 'open') this.emit('data', Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** The server is gone: the connection fails as a dropped TCP connection would. */
  lost(error: Error): void {
    if (this.readyState === 'closed') return;
    this.emit('error', error);
    this.close();
  }

  setKeepAlive(): void {}

  private close(): void {
    this.readyState = 'closed';
    this.link.end();
    setImmediate(() => this.emit('close'));
  }
}
