import { describe, expect, it } from 'vitest';
import { readPullRequestEvent } from '../../../src/github/pullRequestEvent.js';
import { githubExample } from '../../support/githubExamples.js';

/** The activity read from a payload, failing the test when there is none. */
function activityOf(eventName: string, payload: unknown) {
  const reading = readPullRequestEvent(eventName, payload);
  if (reading.kind !== 'pull_request_activity') throw new Error(`expected an activity, got ${JSON.stringify(reading)}`);
  return reading.event;
}

const codertocat = { login: 'Codertocat', isBot: false };

describe('readPullRequestEvent on GitHub’s example payloads', () => {
  it('reads an opened pull request, timed by its creation', () => {
    expect(activityOf('pull_request', githubExample('pull_request', 'opened'))).toEqual({
      repository: 'Codertocat/Hello-World',
      repositoryKey: 'codertocat/hello-world',
      number: 2,
      action: 'opened',
      at: new Date('2019-05-15T15:20:33Z'),
      openedAt: new Date('2019-05-15T15:20:33Z'),
      closedAt: null,
      mergedAt: null,
      merged: false,
      draft: false,
      title: 'Update the README with new information.',
      url: 'https://github.com/Codertocat/Hello-World/pull/2',
      author: codertocat,
      actor: codertocat,
    });
  });

  it('reads every opened example the same way', () => {
    for (const which of [0, 1, 2]) {
      const event = activityOf('pull_request', githubExample('pull_request', 'opened', which));
      expect(event).toMatchObject({ action: 'opened', number: 2, at: new Date('2019-05-15T15:20:33Z') });
    }
  });

  it('reads ready_for_review, timed by the pull request’s last update', () => {
    const event = activityOf('pull_request', githubExample('pull_request', 'ready_for_review'));
    expect(event).toMatchObject({ action: 'ready_for_review', draft: false, at: new Date('2019-05-15T15:21:18Z') });
  });

  it('reads converted_to_draft and reopened', () => {
    expect(activityOf('pull_request', githubExample('pull_request', 'converted_to_draft'))).toMatchObject({
      action: 'converted_to_draft',
      draft: true,
    });
    expect(activityOf('pull_request', githubExample('pull_request', 'reopened'))).toMatchObject({ action: 'reopened' });
  });

  it('reads review_requested', () => {
    const event = activityOf('pull_request', githubExample('pull_request', 'review_requested'));
    expect(event).toMatchObject({
      action: 'review_requested',
      at: new Date('2019-05-15T15:20:33Z'),
      actor: codertocat,
    });
  });

  it('ignores a review requested from a bot', () => {
    const payload = githubExample('pull_request', 'review_requested');
    payload.requested_reviewer = { ...payload.requested_reviewer, login: 'Copilot', type: 'Bot' };
    expect(readPullRequestEvent('pull_request', payload)).toEqual({
      kind: 'ignored',
      reason: 'review requested from the bot Copilot',
    });
  });

  it('reads a pull request closed without merging, timed by closed_at', () => {
    const event = activityOf('pull_request', githubExample('pull_request', 'closed'));
    expect(event).toMatchObject({
      action: 'closed',
      at: new Date('2019-05-15T15:21:18Z'),
      closedAt: new Date('2019-05-15T15:21:18Z'),
      merged: false,
      mergedAt: null,
    });
  });

  it('reads a merged pull request, timed by merged_at', () => {
    // The examples only close without merging; this is one of them as GitHub sends it for a merge.
    const payload = githubExample('pull_request', 'closed');
    Object.assign(payload.pull_request, {
      merged: true,
      merged_at: '2019-05-15T15:21:17Z',
      merge_commit_sha: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
    });
    const event = activityOf('pull_request', payload);
    expect(event).toMatchObject({ action: 'closed', merged: true, mergedAt: new Date('2019-05-15T15:21:17Z') });
    expect(event.at).toEqual(new Date('2019-05-15T15:21:17Z'));
  });

  it('reads every submitted review, with the reviewer as actor and the submission time', () => {
    for (const which of [0, 1, 2]) {
      const event = activityOf('pull_request_review', githubExample('pull_request_review', 'submitted', which));
      expect(event).toMatchObject({
        action: 'review_submitted',
        number: 2,
        at: new Date('2019-05-15T15:20:38Z'),
        author: codertocat,
        actor: codertocat,
        draft: false,
        merged: false,
      });
    }
  });

  it('marks bot reviewers', () => {
    const payload = githubExample('pull_request_review', 'submitted');
    payload.review.user = { ...payload.review.user, login: 'dependabot[bot]', type: 'Bot' };
    expect(activityOf('pull_request_review', payload).actor).toEqual({ login: 'dependabot[bot]', isBot: true });
    payload.review.user = { login: 'renovate[bot]' };
    expect(activityOf('pull_request_review', payload).actor).toEqual({ login: 'renovate[bot]', isBot: true });
  });

  it('ignores untracked actions with a reason', () => {
    expect(readPullRequestEvent('pull_request', githubExample('pull_request', 'synchronize'))).toEqual({
      kind: 'ignored',
      reason: 'pull_request.synchronize is not tracked',
    });
    expect(readPullRequestEvent('pull_request_review', githubExample('pull_request_review', 'dismissed'))).toEqual({
      kind: 'ignored',
      reason: 'pull_request_review.dismissed is not tracked',
    });
  });

  it('ignores other events with a reason', () => {
    expect(readPullRequestEvent('push', githubExample('push'))).toEqual({
      kind: 'ignored',
      reason: 'push events are not tracked',
    });
    expect(readPullRequestEvent('issues', githubExample('issues', 'opened'))).toEqual({
      kind: 'ignored',
      reason: 'issues events are not tracked',
    });
  });

  it('ignores a review by a deleted account', () => {
    const payload = githubExample('pull_request_review', 'submitted');
    payload.review.user = null;
    expect(readPullRequestEvent('pull_request_review', payload)).toEqual({
      kind: 'ignored',
      reason: 'review by a deleted account',
    });
  });
});

describe('readPullRequestEvent on payloads it cannot read', () => {
  it('says what is wrong with a garbled payload', () => {
    const payload = githubExample('pull_request', 'opened');
    payload.pull_request.created_at = 'yesterday';
    delete payload.repository;
    const reading = readPullRequestEvent('pull_request', payload);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.problem).toMatch(/pull_request\.created_at: .*repository: /);
  });

  it('rejects bodies that are not an object with an action', () => {
    for (const payload of [null, 'opened', [], { pull_request: {} }]) {
      expect(readPullRequestEvent('pull_request', payload).kind).toBe('invalid');
    }
  });

  it('rejects a submitted review without a submission time', () => {
    const payload = githubExample('pull_request_review', 'submitted');
    payload.review.submitted_at = null;
    expect(readPullRequestEvent('pull_request_review', payload)).toMatchObject({ kind: 'invalid' });
  });

  it('rejects a delivery without an event name', () => {
    expect(readPullRequestEvent(undefined, githubExample('pull_request', 'opened'))).toEqual({
      kind: 'invalid',
      problem: 'missing X-GitHub-Event header',
    });
  });
});
