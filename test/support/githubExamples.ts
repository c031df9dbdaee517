import { createRequire } from 'node:module';
import type { WebhookDefinition } from '@octokit/webhooks-examples';

// The package is a JSON file with typings beside it; require keeps the import free of JSON attributes.
const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];

/**
 * A real payload GitHub documents for this event (and action), deep-copied so a test can alter it.
 * `which` picks among several examples of the same action.
 */
export function githubExample(event: string, action?: string, which = 0): Record<string, any> {
  const definition = definitions.find((candidate) => candidate.name === event);
  const examples = (definition?.examples ?? []).filter(
    (example) => action === undefined || (example as { action?: string }).action === action,
  );
  const example = examples[which];
  if (!example)
    throw new Error(`@octokit/webhooks-examples has no ${event}${action ? `.${action}` : ''} example #${which}`);
  return structuredClone(example) as Record<string, any>;
}
