import { channelSharing } from './events/channelSharing.js';
import type { App, BlockAction, ButtonAction, PlainTextInputAction } from '@slack/bolt';
import { ACTION, CALLBACK, COMMAND } from '../ids.js';
import { homeSearch } from './actions/homeSearch.js';
import { openDecisionForm } from './actions/openDecisionForm.js';
import { cancelPurge, confirmPurge } from './actions/purgeButtons.js';
import { resultsPage } from './actions/resultsPage.js';
import { decideCommand } from './commands/decide/decideCommand.js';
import type { ListenerDeps } from './deps.js';
import { eventRouter } from './eventRouter.js';
import { dismissWarning, keepDecision, reopenFromWarning, viewFromWarning } from './actions/warningButtons.js';
import { appHomeOpened } from './events/appHomeOpened.js';
import { messageWatcher } from './events/message.js';
import { appUninstalled, tokensRevoked } from './events/uninstalled.js';
import { reopenSubmitted } from './views/reopenSubmitted.js';
import { costSettingsSubmitted } from './views/costSettingsSubmitted.js';
import { logAsDecisionShortcut } from './shortcuts/logAsDecision.js';
import { newDecisionShortcut } from './shortcuts/newDecision.js';
import { decisionModalSubmitted } from './views/decisionModalSubmitted.js';

/** Every Slack surface the app handles, and where its handler lives. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  // Events first, from one middleware (see eventRouter.ts); they never reach the listeners below.
  app.use(
    eventRouter({
      message: messageWatcher(deps),
      app_home_opened: appHomeOpened(deps),
      app_uninstalled: appUninstalled(deps),
      tokens_revoked: tokensRevoked(deps),
      channel_shared: channelSharing(deps),
      channel_unshared: channelSharing(deps),
    }),
  );

  app.command(COMMAND, decideCommand(deps));

  app.shortcut({ type: 'message_action', callback_id: CALLBACK.logAsDecision }, logAsDecisionShortcut(deps));
  app.shortcut({ type: 'shortcut', callback_id: CALLBACK.newDecision }, newDecisionShortcut(deps));

  app.view({ type: 'view_submission', callback_id: CALLBACK.decisionModal }, decisionModalSubmitted(deps));

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.resultsPage}:`), resultsPage(deps));
  app.action<BlockAction<PlainTextInputAction>>(ACTION.homeSearch, homeSearch(deps));
  app.action<BlockAction>(ACTION.openModal, openDecisionForm(deps));

  app.action<BlockAction<ButtonAction>>(ACTION.warningReopen, reopenFromWarning(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.warningDismiss, dismissWarning(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.warningView, viewFromWarning(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.warningKeep, keepDecision(deps));
  app.view({ type: 'view_submission', callback_id: CALLBACK.reopenDecision }, reopenSubmitted(deps));
  app.view({ type: 'view_submission', callback_id: CALLBACK.costSettings }, costSettingsSubmitted(deps));

  app.action<BlockAction<ButtonAction>>(ACTION.purgeConfirm, confirmPurge(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.purgeCancel, cancelPurge(deps));
}
