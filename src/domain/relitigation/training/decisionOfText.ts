import { type DecisionContent, LIMITS } from '../../decision.js';
import { parseInlineDecision } from '../../parseInlineDecision.js';

/**
 * A decision's text recorded as `/decide <text>` records it; text the inline parser will not take
 * (too long, say) is kept as a bare title. The eval and training read decisions the same way.
 */
export function decisionContentOfText(text: string, author: string, today: string): DecisionContent {
  const parsed = parseInlineDecision({ text, author, today });
  if (parsed.ok) return parsed.content;
  return {
    title: text.slice(0, LIMITS.title),
    context: '',
    rationale: '',
    consequences: '',
    alternatives: [],
    aliases: [],
    deciders: [author],
    tags: [],
    status: 'accepted',
    decidedOn: today,
    revisitOn: null,
  };
}
