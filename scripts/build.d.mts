// Types of scripts/build.mjs, for the TypeScript that imports it (test/support/buildOnce.ts).
export const SRC: string;
export const DIST: string;
export const STAMP: string;
export function sourceFiles(dir?: string): string[];
export function isStale(): boolean;
/** Compiles src/ into dist/; resolves to the number of files compiled. */
export function build(): Promise<number>;
