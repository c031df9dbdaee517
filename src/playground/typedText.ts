import type { PlaygroundWorkspace } from './workspace.js';

/**
 * What Slack makes of what a person types before the app sees it: `& < >` entity-encoded, links
 * wrapped in `<…>`, and @handles, @here and #channels turned into live mentions. A slash command
 * escapes mentions with their names (`<@U…|ana>`, the manifest's should_escape); a message carries
 * bare ids (`<@U…>`).
 */
export function slackEncode(typed: string, workspace: PlaygroundWorkspace, as: 'message' | 'command'): string {
  const encoded = typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // One pass, so a name inside a link (or a link inside a name) is never wrapped twice.
  return encoded.replace(
    /(https?:\/\/[^\s<>]+)|(^|[\s(])@([a-z0-9._-]+)|(^|[\s(])#([a-z0-9_-]+)/gi,
    (whole, url: string | undefined, before1: string, handle: string | undefined, before2: string, name: string) => {
      if (url) return `<${url}>`;
      if (handle !== undefined) {
        const lower = handle.toLowerCase();
        if (lower === 'here' || lower === 'channel' || lower === 'everyone') return `${before1}<!${lower}>`;
        const person = workspace.people.find((p) => p.name === lower);
        if (!person) return whole;
        return `${before1}<@${person.id}${as === 'command' ? `|${person.name}` : ''}>`;
      }
      const channel = workspace.channels.find((c) => !c.dmWith && c.name === name?.toLowerCase());
      // A #word that names no channel stays text: in /decide it is a tag.
      if (!channel) return whole;
      return `${before2}<#${channel.id}${as === 'command' ? `|${channel.name}` : ''}>`;
    },
  );
}
