import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adrToDecision } from '../../../src/domain/adr/adrToDecision.js';
import { readAdr } from '../../../src/domain/adr/readAdr.js';
import { decisionDetailBlocks } from '../../../src/slack/blocks/decisionCard.js';
import { fullRecordBlocks } from '../../../src/slack/blocks/fullRecord.js';
import { blockKitViolations } from '../../support/blockKitLimits.js';
import { aDecision } from '../../support/decisions.js';

const CORPORA = new URL('../../fixtures/adr-corpora/', import.meta.url).pathname;

function importedDecision(folder: string, file: string) {
  const result = readAdr({ path: file, text: readFileSync(`${CORPORA}${folder}/${file}`, 'utf8') });
  if (!result.ok) throw new Error(result.reason);
  const { content, document } = adrToDecision(result.adr);
  return { decision: aDecision({ ...content, origin: 'import', ref: 15 }), document: { ...document, links: [] } };
}

const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('the full record of an imported ADR in Slack', () => {
  it('shows every section of the file in order, a long one over several blocks, within Block Kit limits', () => {
    const { decision, document } = importedDecision('govuk-aws-nygard', '0015-dns-infrastructure.md');
    const blocks = fullRecordBlocks(decision, document);
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    const all = texts(blocks);
    for (const part of document.parts) if (part.heading) expect(all).toContain(`*${part.heading}*`);
    expect(decision.rationale.length).toBeGreaterThan(2000);
    expect(all).toContain(decision.rationale.slice(-40).replace(/\n/g, '\\n'));
  });

  it('keeps sections the log has no field for, and the status and date as written', () => {
    const { decision, document } = importedDecision('phodal-adr-chinese', '0001-编写完整的单元测试.md');
    const all = texts(fullRecordBlocks(decision, document));
    expect(all).toContain('2017/11/22');
    expect(all).toContain('2017-11-26 完成');
    expect(all).toContain('ava.js 目前不支持对文件的 mock');
  });

  it('names the records it amends, extends or relates to', () => {
    const { decision, document } = importedDecision('govuk-aws-nygard', '0017-terraform-data-structure.md');
    const blocks = fullRecordBlocks(decision, {
      ...document,
      links: [{ verb: 'amends', direction: 'forward', ref: 10 }],
    });
    expect(texts(blocks)).toContain('Amends D-10');
  });

  it('tells where the rest is from the card of an imported record, and shows a Slack record as its card', () => {
    const { decision } = importedDecision('govuk-aws-nygard', '0015-dns-infrastructure.md');
    expect(texts(decisionDetailBlocks(decision, []))).toContain('show D-15 full');
    const slack = aDecision();
    expect(texts(fullRecordBlocks(slack, null))).toContain('recorded in Slack');
  });
});
