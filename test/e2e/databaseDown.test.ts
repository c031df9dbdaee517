import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../support/testApp.js';

describe('when the database stops answering', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('/healthz turns 503, and /decide says nothing was saved and gives the text back', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await app.database.close();

    expect((await fetch(`${app.url}/healthz`)).status).toBe(503);
    const text = 'We keep the monolith for another year because the team is six people';
    const response = await app.command(text);
    expect(response.status).toBe(200);
    expect(response.body.text).toContain("I couldn't save that decision");
    expect(response.body.text).toContain(text);
    const list = await app.command('list');
    expect(list.body.text).toContain("couldn't read the decision log");
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });
});
