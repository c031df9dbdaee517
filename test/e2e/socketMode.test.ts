import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadConfig } from '../../src/config.js';
import { type RunningApp, startApp } from '../../src/startApp.js';
import type { Database } from '../../src/storage/database.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { createTestDatabase } from '../support/testDatabase.js';

/** Socket Mode for local development: the app dials out to Slack over a WebSocket instead of serving HTTP. */
describe('Socket Mode (SLACK_APP_TOKEN)', () => {
  const slack = new FakeSlack();
  let sockets: WebSocketServer;
  let database: Database;
  let app: RunningApp;
  let connected: Promise<WebSocket>;

  beforeAll(async () => {
    await slack.start();
    sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => sockets.on('listening', () => resolve()));
    connected = new Promise<WebSocket>((resolve) => {
      sockets.on('connection', (socket) => {
        // Slack greets every new connection; the client counts as connected only after this.
        socket.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            connection_info: { app_id: 'A0APP' },
            debug_info: { host: 'fake' },
          }),
        );
        resolve(socket);
      });
    });
    const wsUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`;
    slack.on('apps.connections.open', () => ({ ok: true, url: wsUrl }));
    database = await createTestDatabase();
    const config = loadConfig({
      SLACK_SIGNING_SECRET: 'unused-in-socket-mode',
      SLACK_BOT_TOKEN: 'xoxb-socket',
      SLACK_APP_TOKEN: 'xapp-socket',
      SLACK_API_URL: slack.apiUrl,
      SLACK_API_MAX_RETRIES: '0',
      PORT: '0',
    });
    app = await startApp({ config, database, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await app.stop();
    for (const client of sockets.clients) client.terminate();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
    await slack.stop();
    await database.close();
  });

  it('opens its connection through SLACK_API_URL with the app token, and serves /healthz', async () => {
    const [open] = await slack.waitFor('apps.connections.open');
    expect(open!.token).toBe('xapp-socket');
    expect((await fetch(`http://127.0.0.1:${app.port}/healthz`)).status).toBe(200);
  });

  it('handles /decide delivered over the socket: acks the envelope and posts the card', async () => {
    const socket = await connected;
    const acked = new Promise<any>((resolve) => socket.on('message', (data) => resolve(JSON.parse(String(data)))));
    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T0001',
          channel_id: 'C0SOCK',
          user_id: 'U0ANA',
          command: '/decide',
          text: 'We develop locally over Socket Mode #dev',
          response_url: slack.responseUrl('socket'),
          trigger_id: 'trigger-socket',
        },
      }),
    );
    expect((await acked).envelope_id).toBe('env-1');
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.params.text).toMatch(/^D-1 · We develop locally over Socket Mode$/);
  });
});
