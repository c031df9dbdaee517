import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * Checks of the paths an operator gives, made before any long work: a missing one, or a file where
 * a folder is needed (or the reverse), is said in words with what the path was for.
 */
export async function checkFolder(path: string, what: string): Promise<void> {
  if (!(await existing(path, what)).isDirectory()) throw new Error(`${path} is a file, not a folder (${what}).`);
}

export async function checkFile(path: string, what: string): Promise<void> {
  if ((await existing(path, what)).isDirectory()) throw new Error(`${path} is a folder, not a file (${what}).`);
}

async function existing(path: string, what: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // ENOTDIR: a file stands where one of the path's folders should be.
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new Error(`No such file or folder: ${path} (${what}).`);
    throw error;
  }
}
