import { describe, expect, it } from 'vitest';
import { sentencesOf, stanceOf, stanceScore } from '../../src/domain/relitigation/stance.js';

const score = (text: string, emoji: string[] = []) => stanceScore(stanceOf(text, emoji));

describe('stance', () => {
  it.each([
    'can we revisit the vault decision?',
    'honestly should we just move orders to mongo?',
    'what if internal traffic was just http+json?',
    'do we really need every service on the latest interpreter by june?',
    'are we sure decommissioning jenkins was the right call?',
    'why not run Tekton in-cluster instead of paying github per minute?',
    'has anyone looked at DocumentDB for the checkout records?',
    'I think infra-level saturation alerts should page again',
    "I'd rather run it on Fargate and skip the helm chart",
  ])('hears a reopening in "%s"', (text) => {
    expect(score(text.toLowerCase())).toBeGreaterThanOrEqual(0.42);
  });

  it.each([
    'how do I give my new service a vault policy?',
    'dbt CI is failing with model has no owner, is it supposed to be under config.meta.owner?',
    'per the decision we stay on postgres for orders, so I added a partial index',
    'migrated email-sender off ECS onto EKS this morning, will delete the old task friday',
    'reminder: if you add a new dir under services, add it to CODEOWNERS in the same PR',
    'bug: the useQuery for /me refetches on every window focus, setting refetchOnWindowFocus false, any objections?',
    'can someone swap with me for the week of 12/9?',
    'where is the postmortem template again?',
  ])('hears no reopening in "%s"', (text) => {
    expect(score(text.toLowerCase())).toBeLessThan(0.25);
  });

  it('lets strong reopening cues outweigh a bug report in the same breath', () => {
    const text = 'the vault agent sidecar breaks every time the cluster has a blip. worth revisiting?';
    expect(score(text)).toBeGreaterThan(0.42);
  });

  it('takes "love that …" as sarcasm only with an exasperated emoji', () => {
    const text = 'love that my one-line typo fix needs sign-off from three owner groups';
    expect(score(text, ['clap', 'clap'])).toBeGreaterThan(score(text, []));
    expect(score(text, [])).toBe(0);
  });

  it('hears a few proposals in French, Portuguese and German', () => {
    expect(score('on peut au moins passer à 10 ?')).toBeGreaterThan(0.4);
    expect(score('acho que a gente devia reescrever o app em swift nativo')).toBeGreaterThan(0.4);
    expect(score('sollten wir nicht lieber einen gemeinsamen login nehmen?')).toBeGreaterThan(0.4);
    expect(score('ya migré reporting-api a python 3.12 como acordamos')).toBe(0);
  });

  it('says where the proposal starts', () => {
    const text = 'since we are on eks anyway, why not run tekton for ci';
    expect(stanceOf(text).proposalAt).toBe(text.indexOf('why not'));
  });

  it('splits sentences and numbered items, keeping version numbers and file names whole', () => {
    expect(sentencesOf('1) cache is busted 2) the migration took 40 min. can we use python 3.12? see setup.py')).toEqual([
      '1) cache is busted',
      '2) the migration took 40 min.',
      'can we use python 3.12?',
      'see setup.py',
    ]);
  });
});
