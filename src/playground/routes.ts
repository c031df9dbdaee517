import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Route } from '../http/appServer.js';
import { pageAssets } from './assets.js';
import type { AppSurfaces } from './manifest.js';
import { pageState } from './pageState.js';
import type { Outcome, SlackSide } from './slackSide.js';
import type { PlaygroundWorkspace } from './workspace.js';

/**
 * The playground's HTTP routes, mounted on the app's own server: the page and its files, the
 * workspace as one person sees it (and a stream saying when it changed), and what a person does.
 * Only a page served from this very address may call them: requests naming another host or origin
 * (DNS rebinding, another site in the same browser) are refused.
 */

export interface PlaygroundRoutesProps {
  workspace: PlaygroundWorkspace;
  slack: SlackSide;
  surfaces: AppSurfaces;
  /** Records a few decisions and posts a few messages, as a small team would. */
  loadSampleTeam: () => Promise<Outcome>;
  /** Posts a channel's Reflection digest now, with its chart, as the scheduled digest would. */
  postDigestNow: (channelId: string, userId: string) => Promise<Outcome>;
}

const MAX_BODY_BYTES = 256 * 1024;
const HEARTBEAT_MS = 15_000;

const user = z.string().regex(/^U[A-Z0-9]+$/);
const conversation = z.string().regex(/^[CGD][A-Z0-9]+$/);
const ts = z.string().regex(/^\d+\.\d+$/);
const formValue = z.union([z.string(), z.array(z.string()), z.null()]);
const formValues = z.record(z.string(), z.record(z.string(), formValue));

const requests = {
  send: z.object({ user, channel: conversation, text: z.string().min(1).max(12_000), threadTs: ts.optional() }),
  action: z.object({
    user,
    target: z.union([
      z.object({ kind: z.literal('message'), channel: conversation, ts }),
      z.object({ kind: z.literal('view'), viewId: z.string() }),
    ]),
    input: z.object({
      blockId: z.string(),
      actionId: z.string(),
      value: formValue.optional(),
      values: formValues.optional(),
    }),
  }),
  submit: z.object({ user, viewId: z.string(), values: formValues }),
  close: z.object({ user, viewId: z.string() }),
  shortcut: z.object({ user, channel: conversation, ts: ts.optional(), callbackId: z.string() }),
  home: z.object({ user }),
  sample: z.object({ user }),
  digest: z.object({ user, channel: conversation }),
};

export function playgroundRoutes(props: PlaygroundRoutesProps): { routes: Route[]; close: () => void } {
  const { workspace, slack, surfaces } = props;
  const streams = new Set<ServerResponse>();
  const post = <S extends z.ZodType>(
    path: string,
    schema: S,
    handle: (body: z.infer<S>) => Promise<Outcome>,
  ): Route => ({
    method: 'POST',
    path: `/playground/api/${path}`,
    handler: async (req, res) => {
      if (!sameOrigin(req) || !req.headers['content-type']?.startsWith('application/json'))
        return json(res, 403, { ok: false, problem: 'The playground answers its own page only.' });
      const parsed = schema.safeParse(await readJson(req));
      if (!parsed.success) return json(res, 400, { ok: false, problem: 'That request is not one the page sends.' });
      json(res, 200, await handle(parsed.data));
    },
  });

  const routes: Route[] = [
    ...pageAssets().map(
      (asset): Route => ({
        method: 'GET',
        path: asset.path,
        handler: async (req, res) => {
          if (!sameOrigin(req)) return json(res, 403, { ok: false });
          const body = await asset.body();
          res.writeHead(200, {
            'content-type': asset.type,
            'cache-control': 'no-cache',
            'x-content-type-options': 'nosniff',
            // The page runs its own files only; nothing inline, nothing from elsewhere.
            'content-security-policy':
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
          });
          res.end(body);
        },
      }),
    ),
    {
      method: 'GET',
      path: '/playground/file',
      handler: (req, res) => {
        const id = new URL(req.url ?? '', 'http://localhost').searchParams.get('id') ?? '';
        const file = workspace.files.get(id);
        if (!sameOrigin(req) || !file) return json(res, 404, { ok: false });
        res.writeHead(200, { 'content-type': file.mimetype, 'x-content-type-options': 'nosniff' }).end(file.bytes);
      },
    },
    {
      method: 'GET',
      path: '/playground/api/state',
      handler: (req, res) => {
        const viewer = user.safeParse(new URL(req.url ?? '', 'http://localhost').searchParams.get('user'));
        if (!sameOrigin(req) || !viewer.success || !workspace.person(viewer.data)) return json(res, 400, { ok: false });
        json(res, 200, pageState(workspace, viewer.data, surfaces));
      },
    },
    {
      method: 'GET',
      path: '/playground/api/events',
      handler: (req, res) => {
        if (!sameOrigin(req)) return json(res, 403, { ok: false });
        // Server-sent events: one line per change, carrying the workspace's version.
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write(`data: ${workspace.version}\n\n`);
        streams.add(res);
        const stop = workspace.onChange(() => res.write(`data: ${workspace.version}\n\n`));
        const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
        res.once('close', () => {
          stop();
          clearInterval(heartbeat);
          streams.delete(res);
        });
      },
    },
    post('send', requests.send, ({ user, channel, text, threadTs }) =>
      text.trimStart().startsWith('/')
        ? slack.command(user, channel, text, threadTs)
        : slack.message(user, channel, text, threadTs),
    ),
    post('action', requests.action, ({ user, target, input }) => slack.blockAction(user, target, input)),
    post('submit', requests.submit, ({ user, viewId, values }) => slack.submitView(user, viewId, values)),
    post('close', requests.close, ({ user, viewId }) => slack.closeView(user, viewId)),
    post('shortcut', requests.shortcut, ({ user, channel, ts, callbackId }) =>
      ts ? slack.messageShortcut(user, channel, ts, callbackId) : slack.globalShortcut(user, channel, callbackId),
    ),
    post('home', requests.home, ({ user }) => slack.openHome(user)),
    post('sample', requests.sample, () => props.loadSampleTeam()),
    post('digest', requests.digest, ({ user, channel }) => props.postDigestNow(channel, user)),
  ];
  return {
    routes,
    // Open event streams would hold the server's drain until its deadline.
    close: () => {
      for (const stream of streams) stream.end();
    },
  };
}

/**
 * Whether a request comes from the playground's own page: its Host names this machine (a DNS
 * rebinding attack names another) and its Origin, when the browser sends one, is that same host.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  if (!/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
