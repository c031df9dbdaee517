/** What the embedded PostgreSQL's worker thread (pgliteWorker.ts) and its owner say to each other. */

export interface WorkerOptions {
  /** PGlite's data directory, or `memory://`. */
  dataDir: string;
}

export type ToWorker =
  | { kind: 'data'; connection: number; bytes: Uint8Array }
  | { kind: 'end'; connection: number }
  /** The data directory as a gzipped tarball (a backup), taken between transactions. */
  | { kind: 'dump' }
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'data'; connection: number; bytes: Uint8Array }
  | { kind: 'error'; connection: number; message: string }
  | { kind: 'dumped'; bytes: Uint8Array }
  | { kind: 'dump-failed'; message: string }
  | { kind: 'closed' };
