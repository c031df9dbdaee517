import { describe, expect, it } from 'vitest';
import { slackEncode } from '../../src/playground/typedText.js';
import { viewStateValues } from '../../src/playground/viewState.js';
import { PlaygroundWorkspace } from '../../src/playground/workspace.js';

describe('what the playground makes of typed text, as Slack does', () => {
  const workspace = new PlaygroundWorkspace();

  it('encodes & < > and turns @handles, @here, #channels and links into live sequences', () => {
    expect(slackEncode('a <b> & @raj in #platform @here https://x.example/?a=1&b=2', workspace, 'message')).toBe(
      'a &lt;b&gt; &amp; <@U0RAJ> in <#C0PLATFORM> <!here> <https://x.example/?a=1&amp;b=2>',
    );
  });

  it('escapes mentions with their names in a slash command, and leaves a #tag that names no channel alone', () => {
    expect(slackEncode('We ship it @mei #payments in #general', workspace, 'command')).toBe(
      'We ship it <@U0MEI|mei> #payments in <#C0GENERAL|general>',
    );
    expect(slackEncode('mail ana@example.com about @nobody', workspace, 'message')).toBe(
      'mail ana@example.com about @nobody',
    );
  });
});

describe("a view's state, as Slack sends it with a submission", () => {
  const blocks = [
    { type: 'input', block_id: 'title', element: { type: 'plain_text_input', action_id: 'value' } },
    {
      type: 'input',
      block_id: 'status',
      element: {
        type: 'static_select',
        action_id: 'value',
        options: [{ text: { type: 'plain_text', text: 'Accepted' }, value: 'accepted' }],
      },
    },
    { type: 'input', block_id: 'deciders', element: { type: 'multi_users_select', action_id: 'value' } },
    { type: 'input', block_id: 'revisit', element: { type: 'datepicker', action_id: 'value' } },
    {
      type: 'input',
      block_id: 'days',
      element: {
        type: 'checkboxes',
        action_id: 'value',
        options: [
          { text: { type: 'plain_text', text: 'Mon' }, value: '1' },
          { text: { type: 'plain_text', text: 'Tue' }, value: '2' },
        ],
      },
    },
    { type: 'actions', block_id: 'buttons', elements: [{ type: 'button', action_id: 'go' }] },
  ];

  it("puts each value in its element type's own field, with options whole and empty fields null", () => {
    expect(
      viewStateValues(blocks, {
        title: { value: 'Ship it' },
        status: { value: 'accepted' },
        deciders: { value: ['U0ANA', 'U0RAJ'] },
        revisit: { value: '' },
        days: { value: ['2'] },
      }),
    ).toEqual({
      title: { value: { type: 'plain_text_input', value: 'Ship it' } },
      status: {
        value: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Accepted' }, value: 'accepted' },
        },
      },
      deciders: { value: { type: 'multi_users_select', selected_users: ['U0ANA', 'U0RAJ'] } },
      revisit: { value: { type: 'datepicker', selected_date: null } },
      days: {
        value: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'Tue' }, value: '2' }] },
      },
    });
  });

  it('drops a choice that is not among the options, as Slack never sends one', () => {
    expect(viewStateValues(blocks, { status: { value: 'made-up' } }).status).toEqual({
      value: { type: 'static_select', selected_option: null },
    });
  });
});
