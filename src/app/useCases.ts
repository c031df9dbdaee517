import { exportAdrs } from './adr/exportAdrs.js';
import { importAdrs } from './adr/importAdrs.js';
import { calendarFeeds, unsubscribeCalendars } from './costs/calendarFeeds.js';
import { costSettingsLayers } from './costs/costSettingsLayers.js';
import { changeRepositoryLink, linkedRepositories } from './costs/githubLinks.js';
import { recordGithubActivity } from './costs/recordGithubActivity.js';
import { recordMeeting } from './costs/recordMeeting.js';
import { reportCosts } from './costs/reportCosts.js';
import { saveCostSettings } from './costs/saveCostSettings.js';
import { subscribeCalendar } from './costs/subscribeCalendar.js';
import { syncCalendarFeeds } from './costs/syncCalendarFeed.js';
import { browseDecisions } from './decisions/browseDecisions.js';
import { channelMadePrivate } from './decisions/channelMadePrivate.js';
import { decisionHistory } from './decisions/decisionHistory.js';
import { homeDecisions } from './decisions/homeDecisions.js';
import { noteCardPosted } from './decisions/noteCardPosted.js';
import { prepareThreadDecision } from './decisions/prepareThreadDecision.js';
import { recordDecision } from './decisions/recordDecision.js';
import { showDecision } from './decisions/showDecision.js';
import { showFullRecord } from './adr/showFullRecord.js';
import { supersedeDecision } from './decisions/supersedeDecision.js';
import { composeDigest } from './digests/composeDigest.js';
import { digestSchedule, scheduleDigest, stopDigest } from './digests/digestSchedule.js';
import { digestRunEnded, pauseUninstalledDigests, takeDueDigests } from './digests/dueDigests.js';
import { previewDigest } from './digests/previewDigest.js';
import { runDigest } from './digests/runDigest.js';
import { sendRevisitReminders } from './digests/sendRevisitReminders.js';
import { channelSharingChanged } from './relitigation/channelSharingChanged.js';
import { channelWatch, setChannelWatch } from './relitigation/channelWatch.js';
import { dismissWarning } from './relitigation/dismissWarning.js';
import { findWarning } from './relitigation/findWarning.js';
import { keepDecision } from './relitigation/keepDecision.js';
import { noteWarningPosted } from './relitigation/noteWarningPosted.js';
import { reopenDecision } from './relitigation/reopenDecision.js';
import { screenMessage } from './relitigation/screenMessage.js';
import { trackRelitigationThread } from './relitigation/trackRelitigationThread.js';
import { watchMessage } from './relitigation/watchMessage.js';
import type { Services } from './services.js';
import { changeLlmOptIn } from './workspace/changeLlmOptIn.js';
import { llmStatus } from './workspace/llmStatus.js';
import { previewWorkspacePurge, purgeWorkspace } from './workspace/purgeWorkspace.js';

/**
 * What listeners and jobs may do, each use case bound to the ports it needs. Built once in
 * startApp; nothing outside app/ reaches a repository.
 */
export function buildUseCases(services: Services) {
  /** Binds a use case of the form `(ports, ...args)`. */
  const bind =
    <A extends unknown[], R>(fn: (ports: Services, ...args: A) => R) =>
    (...args: A): R =>
      fn(services, ...args);
  /** Binds a use case of the form `({ services, ...props })`. */
  const bindProps =
    <P extends { services: unknown }, R>(fn: (props: P) => R) =>
    (props: Omit<P, 'services'>): R =>
      fn({ ...props, services } as P);

  return {
    clock: {
      now: (): Date => services.now(),
      /** Today's date (UTC) for new records. */
      today: (): string => services.now().toISOString().slice(0, 10),
    },
    decisions: {
      record: bindProps(recordDecision),
      supersede: bindProps(supersedeDecision),
      prepareFromThread: bindProps(prepareThreadDecision),
      browse: bind(browseDecisions),
      show: bind(showDecision),
      /** The whole record, every section of an imported file included. */
      showFull: bind(showFullRecord),
      history: bind(decisionHistory),
      home: bind(homeDecisions),
      noteCardPosted: bind(noteCardPosted),
      channelMadePrivate: bindProps(channelMadePrivate),
    },
    relitigation: {
      screen: bind(screenMessage),
      watch: bindProps(watchMessage),
      noteWarningPosted: bind(noteWarningPosted),
      trackThread: bindProps(trackRelitigationThread),
      findWarning: bind(findWarning),
      dismiss: bind(dismissWarning),
      keep: bind(keepDecision),
      reopen: bind(reopenDecision),
      channelWatch: bind(channelWatch),
      setChannelWatch: bind(setChannelWatch),
      channelSharingChanged: bind(channelSharingChanged),
    },
    costs: {
      recordMeeting: bindProps(recordMeeting),
      report: bindProps(reportCosts),
      settingsLayers: bind(costSettingsLayers),
      saveSettings: bindProps(saveCostSettings),
      subscribeCalendar: bindProps(subscribeCalendar),
      calendarFeeds: bind(calendarFeeds),
      unsubscribeCalendars: bind(unsubscribeCalendars),
      syncCalendarFeeds: bindProps(syncCalendarFeeds),
      linkedRepositories: bind(linkedRepositories),
      changeRepositoryLink: bind(changeRepositoryLink),
      recordGithubActivity: bindProps(recordGithubActivity),
    },
    digests: {
      schedule: bind(digestSchedule),
      setSchedule: bind(scheduleDigest),
      stop: bind(stopDigest),
      preview: bind(previewDigest),
      compose: bindProps(composeDigest),
      takeDue: bind(takeDueDigests),
      runEnded: bind(digestRunEnded),
      pauseUninstalled: bind(pauseUninstalledDigests),
      run: bind(runDigest),
      sendRevisitReminders: bind(sendRevisitReminders),
    },
    adr: {
      import: bindProps(importAdrs),
      export: bindProps(exportAdrs),
    },
    workspace: {
      llmStatus: bind(llmStatus),
      changeLlmOptIn: bindProps(changeLlmOptIn),
      purgePreview: bindProps(previewWorkspacePurge),
      purge: bindProps(purgeWorkspace),
    },
  };
}

export type UseCases = ReturnType<typeof buildUseCases>;
