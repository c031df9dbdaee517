import type { FormValue, FormValues, Outcome, PageState } from './types.js';

/** The page's calls to the playground: each is what a Slack client would send Slack. */

async function post(path: string, body: unknown): Promise<Outcome> {
  try {
    const response = await fetch(`/playground/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Outcome;
  } catch {
    return { ok: false, problem: 'The playground is not answering. Is `npm run playground` still running?' };
  }
}

export async function fetchState(user: string): Promise<PageState> {
  const response = await fetch(`/playground/api/state?user=${encodeURIComponent(user)}`);
  if (!response.ok) throw new Error(`state: HTTP ${response.status}`);
  return (await response.json()) as PageState;
}

export const send = (user: string, channel: string, text: string, threadTs?: string) =>
  post('send', { user, channel, text, ...(threadTs ? { threadTs } : {}) });

export type ActionTarget = { kind: 'message'; channel: string; ts: string } | { kind: 'view'; viewId: string };

export interface ActionInput {
  blockId: string;
  actionId: string;
  value?: FormValue;
  values?: FormValues;
}

export const act = (user: string, target: ActionTarget, input: ActionInput) => post('action', { user, target, input });

export const submitView = (user: string, viewId: string, values: FormValues) =>
  post('submit', { user, viewId, values });

export const closeView = (user: string, viewId: string) => post('close', { user, viewId });

export const shortcut = (user: string, channel: string, callbackId: string, ts?: string) =>
  post('shortcut', { user, channel, callbackId, ...(ts ? { ts } : {}) });

export const openHome = (user: string) => post('home', { user });

export const loadSampleTeam = (user: string) => post('sample', { user });

export const postDigestNow = (user: string, channel: string) => post('digest', { user, channel });
