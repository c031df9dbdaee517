/** What the embedded PostgreSQL's worker thread (pgliteWorker.ts) and its owner say to each other. */

export interface WorkerOptions {
  /** PGlite's data directory, or `memory://`. */
  dataDir: string;
}

export type ToWorker =
  | { kind: 'data'; connection: number; bytes: Uint8Array }
  | { kind: 'end'; connection: number }
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'data'; connection: number; bytes: Uint8Array }
  | { kind: 'error'; connection: number; message: string }
  | { kind: 'closed' };
