import { spawn } from 'node:child_process';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * `npm run cli -- …` as an operator runs it: its own process, configured only by `env` (on top of
 * PATH, HOME and LOG_LEVEL=warn), never by the test's own environment.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'cli', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last line a command printed, as JSON: the commands end with their result. */
export const lastJson = (stdout: string): any => JSON.parse(stdout.trim().split('\n').at(-1)!);
