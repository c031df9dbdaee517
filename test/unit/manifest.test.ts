import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CALLBACK, COMMAND } from '../../src/slack/ids.js';
import { BOT_SCOPES } from '../../src/slack/scopes.js';

/**
 * manifest.yml is what people paste into api.slack.com/apps. It must be a manifest Slack accepts
 * (Slack's own JSON Schema, which forbids unknown keys) and it must agree with the listeners the code
 * registers: a renamed callback id or a missing event subscription fails silently in Slack, so it
 * fails here instead.
 */

const MANIFEST_PATH = new URL('../../manifest.yml', import.meta.url);
const SCHEMA_PATH = new URL('../fixtures/schemas/slack-manifest.schema.1.0.0.json', import.meta.url);

interface Manifest {
  display_information: { name: string; description?: string; long_description?: string; background_color?: string };
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name: string };
    shortcuts?: { name: string; type: 'message' | 'global'; callback_id: string; description: string }[];
    slash_commands?: {
      command: string;
      url?: string;
      description: string;
      usage_hint?: string;
      should_escape?: boolean;
    }[];
  };
  oauth_config: { redirect_urls?: string[]; scopes: { bot?: string[]; user?: string[] } };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events?: string[]; user_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled?: boolean;
    socket_mode_enabled?: boolean;
    token_rotation_enabled?: boolean;
  };
}

function loadManifest(): Manifest {
  return parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;
}

function compileSchema() {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  // Slack's schema carries one non-standard validation keyword (on background_color); enforce it
  // rather than ignore it, so a malformed colour fails here and not in Slack's UI.
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
    errors: false,
  });
  // Annotation only ("Regex follows HTML5 spec …").
  ajv.addKeyword('_note');
  // Used only by the optional top-level `$schema` property.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
  return ajv.compile(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join('\n');
}

describe('manifest.yml', () => {
  const manifest = loadManifest();

  it("validates against Slack's manifest schema", () => {
    const validate = compileSchema();
    const valid = validate(manifest);
    expect(describeErrors(validate.errors)).toBe('');
    expect(valid).toBe(true);
  });

  it('the schema check is not vacuous: unknown keys and bad colours are rejected', () => {
    const validate = compileSchema();
    expect(validate({ ...manifest, featurez: {} })).toBe(false);
    expect(
      validate({ ...manifest, display_information: { ...manifest.display_information, background_color: 'blue!!' } }),
    ).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'regex')).toBe(true);
  });

  it('names the app', () => {
    expect(manifest.display_information.name).toBe('Decision Ledger');
    expect(manifest.features.bot_user?.display_name).toBe('Decision Ledger');
  });

  it(`declares ${COMMAND} with escaped mentions`, () => {
    const commands = manifest.features.slash_commands ?? [];
    expect(commands.map((c) => c.command)).toEqual([COMMAND]);
    // Escaped text carries mentions as <@U…|name>, which is how deciders are read from the command.
    expect(commands[0]!.should_escape).toBe(true);
  });

  it('declares the shortcuts the listeners handle', () => {
    const shortcuts = (manifest.features.shortcuts ?? []).map(({ type, callback_id }) => ({ type, callback_id }));
    expect(shortcuts).toEqual(
      expect.arrayContaining([
        { type: 'message', callback_id: CALLBACK.logAsDecision },
        { type: 'global', callback_id: CALLBACK.newDecision },
      ]),
    );
    expect(shortcuts).toHaveLength(2);
  });

  it('subscribes to exactly the events the app handles', () => {
    expect(manifest.settings.event_subscriptions?.bot_events).toEqual([
      'app_home_opened',
      'message.channels',
      'message.groups',
      'app_uninstalled',
      'tokens_revoked',
      'channel_shared',
      'channel_unshared',
    ]);
    expect(manifest.settings.event_subscriptions?.user_events ?? []).toEqual([]);
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    // Direct messages are the fallback when an ephemeral message cannot be posted.
    expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home?.messages_tab_read_only_enabled).toBe(true);
  });

  it('sends every request to the one Bolt endpoint, /slack/events', () => {
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    const urls = [
      ...(manifest.features.slash_commands ?? []).map((c) => c.url),
      manifest.settings.event_subscriptions?.request_url,
      manifest.settings.interactivity?.request_url,
    ];
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/\s]+\/slack\/events$/);
    // OAuth installs come back to Bolt's redirect path on the same host.
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://${new URL(urls[0]!).host}/slack/oauth_redirect`]);
    // One host for all of them: replacing the example host must be a single search-and-replace.
    expect(new Set(urls.map((url) => new URL(url!).host)).size).toBe(1);
  });

  it('asks for least-privilege bot scopes only, and no user scopes', () => {
    expect([...(manifest.oauth_config.scopes.bot ?? [])].sort()).toEqual([...BOT_SCOPES].sort());
    expect(new Set(manifest.oauth_config.scopes.bot).size).toBe(manifest.oauth_config.scopes.bot?.length);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it('is an HTTP, single-workspace app without token rotation', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});
