import { describe, expect, it } from 'vitest';
import { type Decision, type DecisionEvent, LIMITS } from '../../src/domain/decision.js';
import { decisionCardBlocks, decisionDetailBlocks, decisionFallbackText } from '../../src/slack/blocks/decisionCard.js';
import { existingDecisionModalView, decisionModalView } from '../../src/slack/blocks/decisionModal.js';
import { decisionResultsBlocks, parsePageRequest, RESULTS_PAGE_SIZE } from '../../src/slack/blocks/decisionResults.js';
import { helpBlocks } from '../../src/slack/blocks/help.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { blockKitViolations, viewViolations } from '../support/blockKitLimits.js';
import { aDecision } from '../support/decisions.js';

/** A decision at every limit at once: the builders must still fit Slack's. */
function aHugeDecision(overrides: Partial<Decision> = {}): Decision {
  return aDecision({
    title: `<!channel> ${'T'.repeat(LIMITS.title - 10)}`,
    rationale: 'R '.repeat(LIMITS.rationale / 2),
    context: 'C'.repeat(LIMITS.context),
    consequences: 'Q'.repeat(LIMITS.consequences),
    alternatives: Array.from({ length: LIMITS.alternatives }, (_, i) => `${i}${'A'.repeat(LIMITS.alternative - 1)}`),
    deciders: Array.from({ length: LIMITS.deciders }, (_, i) => `U${String(i).padStart(8, '0')}`),
    tags: Array.from({ length: LIMITS.tags }, (_, i) => `tag${i}${'x'.repeat(LIMITS.tag - 5)}`),
    revisitOn: '2027-05-22',
    supersedes: { id: 'a', ref: 3 },
    supersededBy: { id: 'b', ref: 20 },
    source: {
      channelId: 'C1',
      channelPrivate: false,
      messageTs: '1.2',
      threadTs: '1.1',
      permalink: 'https://acme.slack.com/archives/C1/p12',
      participants: [],
    },
    ...overrides,
  });
}

const history: DecisionEvent[] = Array.from({ length: 30 }, (_, i) => ({
  actor: 'U0ANA',
  action: i === 0 ? 'created' : 'superseded',
  detail: {},
  at: new Date(Date.UTC(2026, 10, 22, 10, i)),
}));

describe('decision card', () => {
  it('shows the decision, rationale, alternatives, deciders, tags, revisit date and links', () => {
    const text = JSON.stringify(decisionCardBlocks(aHugeDecision({ title: 'We move billing to Stripe' })));
    for (const expected of [
      '*D-14* · We move billing to Stripe',
      '*Why:*',
      'Considered and rejected',
      '<@U00000000>',
      '#tag0',
      'revisit 2027-05-22',
      'Supersedes D-3',
      'Superseded by *D-20*',
      'source thread',
    ])
      expect(text).toContain(expected);
  });

  it('never lets user text ping the channel', () => {
    const blocks = decisionCardBlocks(
      aDecision({ title: 'Hey <!channel> and <!subteam^S1|@devs>', rationale: '<!here> now' }),
    );
    const text = JSON.stringify(blocks) + decisionFallbackText(aDecision({ title: '<!everyone> look' }));
    expect(text).not.toMatch(/<!(channel|here|everyone|subteam)/);
  });

  it('stays within Block Kit limits at every field limit', () => {
    expect(blockKitViolations(decisionCardBlocks(aHugeDecision()), 'message')).toEqual([]);
    expect(blockKitViolations(decisionDetailBlocks(aHugeDecision(), history), 'message')).toEqual([]);
  });

  it('renders a minimal decision without empty sections', () => {
    const blocks = decisionCardBlocks(aDecision({ rationale: '', alternatives: [], tags: [], cardPermalink: null }));
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    expect(JSON.stringify(blocks)).not.toContain('*Why:*');
  });
});

describe('result pages', () => {
  const manyHuge = Array.from({ length: RESULTS_PAGE_SIZE }, (_, i) => aHugeDecision({ ref: i + 1 }));

  it('fit a message with ten huge decisions and both paging buttons', () => {
    const blocks = decisionResultsBlocks(
      { k: 'search', q: 'x'.repeat(500) },
      { items: manyHuge, total: 95, offset: 40 },
    );
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    const actions = blocks.find((b) => b.type === 'actions') as any;
    expect(actions.elements.map((e: any) => e.text.text)).toEqual(['Previous', 'Next']);
    expect(parsePageRequest(actions.elements[1].value)).toEqual({
      query: { k: 'search', q: 'x'.repeat(500) },
      offset: 50,
    });
  });

  it('say when nothing was found', () => {
    const blocks = decisionResultsBlocks(
      { k: 'list', tag: 'payments', status: null },
      { items: [], total: 0, offset: 0 },
    );
    expect(JSON.stringify(blocks)).toContain('none found');
  });

  it('refuse a tampered paging value', () => {
    expect(parsePageRequest('{"query":{"k":"list","tag":"x; drop table","status":null},"offset":0}')).toBeNull();
    expect(parsePageRequest('{"query":{"k":"search","q":"ok"},"offset":-5}')).toBeNull();
    expect(parsePageRequest('not json')).toBeNull();
  });
});

describe('views', () => {
  it('the decision form fits a modal, pre-filled at every limit', () => {
    const view = decisionModalView({
      metadata: {
        origin: 'message_shortcut',
        channelId: 'C1',
        message: { ts: '1.2', threadTs: '1.1', permalink: `https://acme.slack.com/${'p'.repeat(400)}` },
        participants: Array.from({ length: 20 }, (_, i) => `U${i}AAAAAAAA`),
      },
      prefill: {
        title: 'x'.repeat(5000),
        rationale: 'y'.repeat(5000),
        alternatives: Array.from({ length: 10 }, () => 'z'.repeat(200)),
        deciders: Array.from({ length: 30 }, (_, i) => `U${i}`),
      },
      askForChannel: true,
      drafted: true,
    });
    expect(viewViolations(view)).toEqual([]);
  });

  it('the existing-record modal and App Home fit their surfaces', () => {
    expect(viewViolations(existingDecisionModalView(aHugeDecision()))).toEqual([]);
    const recent = Array.from({ length: 10 }, (_, i) => aHugeDecision({ ref: i + 1 }));
    const home = homeView({
      recent,
      search: { query: 'stripe &amp; fees', page: { items: recent.slice(0, 10), total: 40, offset: 0 } },
    });
    expect(viewViolations(home)).toEqual([]);
    expect(JSON.stringify(home)).toContain('stripe & fees');
  });

  it('help fits a message and names an unknown word safely', () => {
    expect(blockKitViolations(helpBlocks('<!channel>'), 'message')).toEqual([]);
    expect(JSON.stringify(helpBlocks('<!channel>'))).not.toContain('<!channel>');
  });
});
