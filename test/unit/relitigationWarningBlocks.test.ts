import { describe, expect, it } from 'vitest';
import { relitigationWarningBlocks } from '../../src/slack/blocks/relitigationWarning.js';
import { blockKitViolations } from '../support/blockKitLimits.js';
import { aDecision } from '../support/decisions.js';

describe('the relitigation warning', () => {
  const decision = aDecision({
    ref: 7,
    title: 'Refund requests above 500 euros need a second approval',
    deciders: ['U0ANA', 'U0RAJ'],
    alternatives: ['One approver <!channel>'],
  });

  it('says why: the rejected alternative brought up, the shared words, the words near in meaning', () => {
    const blocks = relitigationWarningBlocks(decision, 42, {
      sharedWords: ['refund', 'approval', 'euros', 'requests', 'second'],
      nearWords: [
        ['reimbursement', 'refund'],
        ['sign', 'approval'],
        ['cap', 'limit'],
      ],
      rejectedNamed: 'One approver <!channel>',
    });
    const why = JSON.stringify(blocks.find((b) => b.type === 'context'));
    expect(why).toContain('Why I think so: it brings up what was rejected then (_One approver @\u200dchannel_)');
    // Four shared words at most, two near ones.
    expect(why).toContain('it mentions *refund*, *approval*, *euros*, *requests*;');
    expect(why).not.toContain('*second*');
    expect(why).toContain('*reimbursement* ≈ *refund*, *sign* ≈ *approval*.');
    expect(why).not.toContain('*cap*');
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });

  it('mentions no decider, and has no reasons line when there is nothing to say', () => {
    const blocks = relitigationWarningBlocks(decision, 42, { sharedWords: [], nearWords: [], rejectedNamed: null });
    expect(JSON.stringify(blocks)).not.toContain('Why I think so');
    expect(JSON.stringify(blocks)).not.toMatch(/<@U/);
    expect(JSON.stringify(blocks)).toContain('View D-7');
  });
});
