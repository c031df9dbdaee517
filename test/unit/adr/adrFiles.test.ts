import { describe, expect, it } from 'vitest';
import { pickAdrFiles, recordName } from '../../../src/domain/adr/adrFiles.js';

describe('pickAdrFiles', () => {
  it('reads flat folders and folder-per-ADR layouts, and says why it skips the rest', () => {
    const pick = pickAdrFiles(
      [
        'README.md',
        'index.md',
        '0000-template.md',
        'adr000-template.md',
        'adr-template-bare-minimal.md',
        '0007-use-a-template-engine.md',
        '0001-use-x.md',
        '0002-use-y/index.md',
        'use-z/README.md',
        '0009/diagram.png',
        'notes/deep/0003-a.md',
        'LICENSE',
      ],
      false,
    );
    expect(pick.adrs).toEqual([
      '0001-use-x.md',
      '0002-use-y/index.md',
      '0007-use-a-template-engine.md',
      'use-z/README.md',
    ]);
    expect(pick.skipped).toEqual([
      { path: '0000-template.md', reason: 'a template, not a record' },
      { path: 'README.md', reason: "the folder's README or index, not a record" },
      { path: 'adr-template-bare-minimal.md', reason: 'a template, not a record' },
      { path: 'adr000-template.md', reason: 'a template, not a record' },
      { path: 'index.md', reason: "the folder's README or index, not a record" },
      { path: 'notes/deep/0003-a.md', reason: 'in a subfolder; --recursive reads it' },
    ]);
  });

  it('reads subfolders with --recursive', () => {
    expect(pickAdrFiles(['notes/deep/0003-a.md', 'templates/index.md'], true)).toEqual({
      adrs: ['notes/deep/0003-a.md'],
      skipped: [{ path: 'templates/index.md', reason: 'a template, not a record' }],
    });
  });

  it('names a folder-per-ADR record after its folder', () => {
    expect(recordName('0002-use-y/index.md')).toBe('0002-use-y');
    expect(recordName('0001-use-x.md')).toBe('0001-use-x.md');
  });
});
