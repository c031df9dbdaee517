import type { ContentProblem } from '../../domain/decision.js';
import { neutraliseBroadcasts } from '../../domain/markup.js';
import { FIELD } from '../ids.js';

/**
 * Why a decision's content was refused, wherever it was written: the decision form, `/decide <text>`,
 * `/decide supersede` and the Reopen form. The domain returns codes; this is where they become words.
 */

const FIELD_NAMES: Record<ContentProblem['field'], string> = {
  title: 'The decision',
  context: 'The context',
  rationale: 'The rationale',
  consequences: 'The consequences',
  alternatives: 'The list of alternatives',
  alternative: 'One alternative',
  tags: 'Tags',
  tag: 'A tag',
  deciders: 'The list of deciders',
  commandText: 'The text',
  revisitOn: 'The revisit date',
};

export function describeContentProblem(problem: ContentProblem): string {
  switch (problem.code) {
    case 'required':
      return 'Write what was decided.';
    case 'too_long':
      return problem.field === 'alternatives' || problem.field === 'tags' || problem.field === 'deciders'
        ? `${FIELD_NAMES[problem.field]} can have at most ${problem.limit} entries (you gave ${problem.actual}).`
        : `${FIELD_NAMES[problem.field]} is ${problem.actual.toLocaleString('en')} characters; the limit is ${problem.limit.toLocaleString('en')}.`;
    case 'in_the_past':
      return 'Pick a revisit date after the decision date.';
    case 'invalid_tag':
      // The tag is the user's own text, echoed: a <!channel> in it stays inert.
      return `“${neutraliseBroadcasts(problem.tag)}” is not a tag: use letters, digits, - and _ (up to 40).`;
  }
}

/** Which modal input a content problem belongs to, for `response_action: 'errors'`. */
export function fieldOfProblem(problem: ContentProblem): string {
  switch (problem.field) {
    case 'alternative':
    case 'alternatives':
      return FIELD.alternatives;
    case 'revisitOn':
      return FIELD.revisitOn;
    case 'tag':
      return FIELD.tags;
    case 'commandText':
      return FIELD.title;
    default:
      return FIELD[problem.field];
  }
}
