/** Callback, action and block ids shared by the Block Kit builders and the listeners that handle them. */

export { COMMAND } from '../domain/command.js';

export const CALLBACK = {
  decisionModal: 'decision_modal',
  logAsDecision: 'log_as_decision',
  newDecision: 'new_decision',
  reopenDecision: 'reopen_decision',
  costSettings: 'cost_settings',
} as const;

export const ACTION = {
  resultsPage: 'results_page',
  homeSearch: 'home_search',
  openModal: 'open_decision_modal',
  warningReopen: 'warning_reopen',
  warningDismiss: 'warning_dismiss',
  warningView: 'warning_view',
  warningKeep: 'warning_keep',
  /** `/decide admin purge`'s "Delete everything" (its value: the workspace id) and "Cancel". */
  purgeConfirm: 'admin_purge_confirm',
  purgeCancel: 'admin_purge_cancel',
} as const;

/** Inputs of the Reopen form. */
export const REOPEN_FIELD = {
  whatIsNew: 'what_is_new',
  newDecision: 'new_decision',
  rationale: 'rationale',
} as const;

/** Input blocks of the decision modal; each holds one element whose action_id is `value`. */
export const FIELD = {
  title: 'title',
  context: 'context',
  rationale: 'rationale',
  alternatives: 'alternatives',
  consequences: 'consequences',
  deciders: 'deciders',
  tags: 'tags',
  status: 'status',
  revisitOn: 'revisit_on',
  channel: 'channel',
} as const;

export const FIELD_ACTION = 'value';

export const HOME_SEARCH_BLOCK = 'home_search';

/** Input blocks of the cost settings modal; like FIELD, each element's action_id is FIELD_ACTION. */
export const COST_FIELD = {
  scope: 'scope',
  hourlyRate: 'hourlyRate',
  currency: 'currency',
  buildMultiplier: 'buildMultiplier',
  switchOverheadMinutes: 'switchOverheadMinutes',
  reviewInterruptionFactor: 'reviewInterruptionFactor',
  workingDays: 'workingDays',
  workdayStart: 'workdayStart',
  workdayEnd: 'workdayEnd',
  timeZone: 'timeZone',
} as const;
