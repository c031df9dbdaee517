import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { CostSettingKey } from '../../../domain/costs/costSettings.js';
import { errorForLog } from '../../../logger.js';
import { type CostSettingsMetadata, costSettingsMetadataSchema } from '../../blocks/costSettingsModal.js';
import { describeSettingsScopeRefusal } from '../../copy/adminOnly.js';
import {
  describeSettingProblem,
  SETTINGS_FORM_STALE,
  SETTINGS_SAVE_FAILED,
  settingsSaved,
} from '../../copy/costSettingsForm.js';
import { COST_FIELD, FIELD_ACTION } from '../../ids.js';
import { workspaceOf } from '../../workspace.js';
import { workspaceRoleOf } from '../../workspaceRole.js';
import type { ListenerDeps } from '../deps.js';
import { tellUser } from '../../deliver.js';
import { formAck } from './formAck.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The cost settings form was saved: check every field, store what changed, confirm in the channel. */
export function costSettingsSubmitted({ useCases, logger }: ListenerDeps) {
  return async ({ ack, view, body, client, context }: Args): Promise<void> => {
    let metadata: CostSettingsMetadata;
    try {
      metadata = costSettingsMetadataSchema.parse(JSON.parse(view.private_metadata || '{}'));
    } catch {
      await ack({
        response_action: 'errors',
        errors: { [COST_FIELD.hourlyRate]: SETTINGS_FORM_STALE },
      });
      return;
    }
    const values = view.state.values;
    const field = (blockId: string) => values[blockId]?.[FIELD_ACTION];
    const time = (blockId: string) => {
      const value = field(blockId)?.selected_time ?? undefined;
      return value === '23:59' && blockId === COST_FIELD.workdayEnd ? '24:00' : value;
    };
    const form: Record<CostSettingKey, string | undefined> = {
      hourlyRate: field(COST_FIELD.hourlyRate)?.value ?? undefined,
      currency: field(COST_FIELD.currency)?.value ?? undefined,
      buildMultiplier: field(COST_FIELD.buildMultiplier)?.value ?? undefined,
      switchOverheadMinutes: field(COST_FIELD.switchOverheadMinutes)?.value ?? undefined,
      reviewInterruptionFactor: field(COST_FIELD.reviewInterruptionFactor)?.value ?? undefined,
      workingDays: (field(COST_FIELD.workingDays)?.selected_options ?? []).map((o) => o.value).join(','),
      workdayStart: time(COST_FIELD.workdayStart),
      workdayEnd: time(COST_FIELD.workdayEnd),
      timeZone: field(COST_FIELD.timeZone)?.value ?? undefined,
    };
    const scope = field(COST_FIELD.scope)?.selected_option?.value === 'workspace' ? 'workspace' : 'channel';
    const workspace = workspaceOf(context);
    const acker = formAck(ack, (text) =>
      tellUser(client, { userId: body.user.id, channelId: metadata.channelId }, text, logger),
    );
    const typed = Object.entries(form)
      .filter(([, value]) => value)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n');
    let result;
    try {
      const role = async () => {
        const { role: standing, failure } = await workspaceRoleOf(
          client,
          body.user.id,
          Boolean(context.isEnterpriseInstall),
        );
        if (failure) logger.warn({ failure }, 'users.info failed; workspace cost settings refused');
        return standing;
      };
      result = await acker.within(
        useCases.costs.saveSettings({
          workspace,
          channelId: metadata.channelId,
          scope,
          form,
          userId: body.user.id,
          role,
        }),
      );
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'saving cost settings failed');
      await acker.errors(
        { [COST_FIELD.hourlyRate]: SETTINGS_SAVE_FAILED.onForm },
        { typed, whenClosed: SETTINGS_SAVE_FAILED.whenClosed },
      );
      return;
    }
    if (!result.ok && 'refused' in result) {
      await acker.errors({ [COST_FIELD.scope]: describeSettingsScopeRefusal(result.refused) }, { typed });
      return;
    }
    if (!result.ok) {
      const errors: Record<string, string> = {};
      for (const [key, problem] of Object.entries(result.problems))
        errors[COST_FIELD[key as CostSettingKey]] = describeSettingProblem(key as CostSettingKey, problem!);
      await acker.errors(errors, { typed });
      return;
    }
    await acker.done();
    try {
      await client.chat.postEphemeral({
        channel: metadata.channelId,
        user: body.user.id,
        text: settingsSaved(scope, result.settings),
      });
    } catch (error) {
      logger.info({ err: errorForLog(error) }, 'could not confirm saved cost settings in the channel');
    }
  };
}
