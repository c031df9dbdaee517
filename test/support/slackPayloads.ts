import { TEAM } from './testApp.js';

/** What Slack sends when the form opened by views.open is submitted with `values`. */
export function viewSubmission(openedView: any, values: Record<string, any>, viewId = 'V0FORM1') {
  const state: Record<string, any> = {};
  for (const block of openedView.blocks.filter((b: any) => b.type === 'input')) {
    const el = block.element;
    const given = values[block.block_id];
    let value: any;
    switch (el.type) {
      case 'plain_text_input':
        value = { type: el.type, value: given ?? el.initial_value ?? null };
        break;
      case 'multi_users_select':
        value = { type: el.type, selected_users: given ?? el.initial_users ?? [] };
        break;
      case 'static_select':
        value = { type: el.type, selected_option: given ? { value: given } : el.initial_option };
        break;
      case 'datepicker':
        value = { type: el.type, selected_date: given ?? null };
        break;
      case 'conversations_select':
        value = { type: el.type, selected_conversation: given ?? null };
        break;
      case 'radio_buttons':
        value = { type: el.type, selected_option: given ? { value: given } : (el.initial_option ?? null) };
        break;
      case 'checkboxes':
        value = {
          type: el.type,
          selected_options: given ? given.map((v: string) => ({ value: v })) : (el.initial_options ?? []),
        };
        break;
      case 'timepicker':
        value = { type: el.type, selected_time: given ?? el.initial_time ?? null };
        break;
    }
    state[block.block_id] = { value };
  }
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: 'U0ANA', name: 'ana', team_id: TEAM },
    api_app_id: 'A0APP',
    trigger_id: 'trigger-submit',
    view: { ...openedView, id: viewId, team_id: TEAM, state: { values: state }, hash: 'h' },
  };
}
