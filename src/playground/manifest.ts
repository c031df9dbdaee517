import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * What the app declares in manifest.yml that a Slack client shows: its slash command and its
 * shortcuts. Read from the manifest itself, so the playground offers what an installed app would.
 */
export interface AppSurfaces {
  command: string;
  commandHint: string;
  messageShortcuts: { name: string; callbackId: string }[];
  globalShortcuts: { name: string; callbackId: string }[];
}

const MANIFEST = new URL('../../manifest.yml', import.meta.url);

interface ManifestShape {
  features?: {
    shortcuts?: { name?: string; type?: string; callback_id?: string }[];
    slash_commands?: { command?: string; usage_hint?: string }[];
  };
}

export function readAppSurfaces(): AppSurfaces {
  const manifest = parse(readFileSync(MANIFEST, 'utf8')) as ManifestShape;
  const shortcuts = (manifest.features?.shortcuts ?? []).flatMap((s) =>
    s.name && s.callback_id ? [{ name: s.name, callbackId: s.callback_id, type: s.type }] : [],
  );
  const command = manifest.features?.slash_commands?.[0];
  return {
    command: command?.command ?? '/decide',
    commandHint: command?.usage_hint ?? '',
    messageShortcuts: shortcuts
      .filter((s) => s.type === 'message')
      .map(({ name, callbackId }) => ({ name, callbackId })),
    globalShortcuts: shortcuts.filter((s) => s.type === 'global').map(({ name, callbackId }) => ({ name, callbackId })),
  };
}
