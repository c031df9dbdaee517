/**
 * The baseline for `npm run bench`: a bare Bolt app with the same receiver set-up as the real one
 * (HTTPReceiver on /slack/events, a /healthz custom route) and one listener that does nothing:
 * `/decide` that only acks (bench/decide.bench.ts) or `message` events (bench/messages.bench.ts;
 * Bolt acks events itself).
 *
 * Plain JavaScript, run by node without a loader, as the app runs from dist/: the two start alike.
 * Started by the benches in a child process of its own (bench/lib/targets.ts). Environment:
 *   BENCH_SIGNING_SECRET, BENCH_SLACK_API_URL (the bench's fake Web API), BENCH_PORT,
 *   BENCH_LISTENER (`command`, the default, or `message`).
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const signingSecret = required('BENCH_SIGNING_SECRET');
const slackApiUrl = required('BENCH_SLACK_API_URL');
const port = Number(required('BENCH_PORT'));

const receiver = new HTTPReceiver({
  signingSecret,
  endpoints: '/slack/events',
  logLevel: LogLevel.WARN,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      },
    },
  ],
});

const app = new App({
  signingSecret,
  token: 'xoxb-bench-bare-token',
  receiver,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl, retryConfig: { retries: 0 }, timeout: 5000 },
});

if (process.env.BENCH_LISTENER === 'message') {
  app.event('message', async () => {});
} else {
  app.command('/decide', async ({ ack }) => {
    await ack();
  });
}

const server = await app.start(port);
const stop = () => {
  server.closeAllConnections?.();
  void app.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/** @param {string} name */
function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`bareBoltApp: ${name} is not set`);
    process.exit(78);
  }
  return value;
}
