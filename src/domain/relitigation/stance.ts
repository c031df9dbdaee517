/**
 * Stance: does a sentence argue to reopen a decision, or only use, cite, ask about or report on
 * it? Answered from cues anyone can check — asking to revisit or switch, proposing, doubting the
 * decision, complaining about what the rule costs — against cues that a message works *within*
 * a decision: bug reports, how-to and where-is questions, status updates, citing the decision.
 * Topic is judged elsewhere; these cues say nothing about which decision is meant.
 */

export interface Cue {
  name: string;
  weight: number;
  pattern: RegExp;
  /**
   * The cue marks what is proposed instead: what follows it ("why not run Tekton", "should we just
   * move to mongo"), or for praise of an alternative, the whole sentence ("Flutter would fix it").
   */
  proposes?: 'what follows' | 'the sentence';
  /** Only counts with an exasperated emoji: "love that …" with a clap is a complaint, without one it may be praise. */
  needsTone?: boolean;
}

export interface Stance {
  /** 0–1: evidence that the text argues to reopen something. */
  reopen: number;
  /** 0–1: evidence that it works within a decision instead (bug, how-to, status, citation). */
  within: number;
  /** Names of the cues that fired, for --verbose output and tests. */
  cues: string[];
  /** Where the first proposing cue starts: what follows is what the text proposes. */
  proposalAt: number | null;
}

// Every pattern is matched against lower-cased plain text (markup and code already removed).
const REOPEN_CUES: Cue[] = [
  // Asking outright to look at the decision again.
  { name: 'revisit', weight: 0.75, pattern: /\bre-?(?:visit|consider|think|open|evaluate|examine|litigate|discuss)\w*/ },
  { name: 'back on the table', weight: 0.7, pattern: /\bback on the (?:table|agenda)|\bput [^.!?]{1,60} back on\b|\btake another look\b/ },
  // Doubting the decision itself.
  {
    name: 'doubts the decision',
    weight: 0.7,
    pattern:
      /\b(?:are|were) we sure\b|\bthe right call\b|\b(?:was|is) (?:a|the) mistake\b|\bwas a mistake\b|\bwasn'?t (?:our|the|a) (?:best|great|good|smartest) (?:idea|call|move)\b|\bstill (?:a hard rule|makes? sense)\b/,
  },
  { name: 'do we really need', weight: 0.65, pattern: /\bdo we (?:really|even|actually|still|truly) (?:need|have to|want)\b|\bis (?:it|this|that) (?:really|actually) (?:necessary|needed|worth it)\b/ },
  { name: 'questions the reason', weight: 0.55, pattern: /\b(?:don'?t|do not|can'?t|fail to) (?:really )?(?:see|understand|get) why\b|\bstill (?:banned|required|mandatory|not allowed|forbidden|a thing)\b/ },
  { name: 'has anyone considered', proposes: 'what follows', weight: 0.5, pattern: /\b(?:(?:has|have) )?(?:anyone|anybody|we|you|people) (?:looked at|considered|tried|thought about|evaluated)\b/ },
  {
    name: 'offers a change',
    proposes: 'what follows',
    weight: 0.5,
    pattern:
      /\bwould (?:a|you accept a|you take a|you merge a) (?:pr|pull request|patch|contribution)\b|\b(?:are|would) you (?:be )?open to\b|\bopen to (?:a |adding|changing|supporting|switching|dropping)|\bis there (?:any )?interest in\b|\bwould it make sense to\b|\bbe accepted\s*\?/,
  },
  { name: 'wishes it were different', proposes: 'what follows', weight: 0.45, pattern: /\bhow nice it'?d be\b|\bwouldn'?t it be (?:nice|great|better|easier)\b|\bit'?d be (?:so |really |much )?(?:nice|great|better|easier|simpler) (?:if|to)\b/ },
  { name: 'not working for us', weight: 0.45, pattern: /\b(?:is|isn'?t|not|is not|aren'?t|are not) working (?:for us|out)\b|\bjust isn'?t working\b/ },
  { name: 'outgrown the rule', weight: 0.4, pattern: /\b(?:outdated|arbitrary|pointless|cargo[- ]cult|(?:19|20)\d\d) (?:rule|policy|process|thinking)\b|\b(?:mature|grown-up|senior|good) enough to\b|\bthe rule (?:does|makes|causes)\b/ },
  {
    name: 'sarcasm',
    needsTone: true,
    weight: 0.35,
    pattern: /^(?:i )?(?:love|loving|gotta love|just love|great|nice|cool) (?:that|how|when|finding out|it when|waiting)\b|\btruly the [\w ]{1,30} we needed\b|\bwhat could go wrong\b/,
  },
  { name: 'why did we', proposes: 'what follows', weight: 0.55, pattern: /\bwhy (?:did|do|are|were) we\b|\bwhy not\b|\bwhy can'?t we\b|\bwhy (?:does|do|is|are) [^.!?]{1,60}\bagain\b/ },
  // Proposing something else.
  { name: 'what if', proposes: 'what follows', weight: 0.55, pattern: /\bwhat if\b|\bhow about\b|\bwhat about (?:using|moving|switching|trying|going|dropping)\b/ },
  { name: 'would it be crazy', proposes: 'what follows', weight: 0.6, pattern: /\bwould it be (?:crazy|so bad|wrong|terrible|possible|ok|okay)\b|\bany chance (?:we|of)\b|\bmake the case\b/ },
  { name: 'worth a try', proposes: 'what follows', weight: 0.55, pattern: /\bworth (?:a spike|a try|trying|a pilot|piloting|exploring|considering|revisiting|another look|a poc|a look|a shot)\b/ },
  { name: 'pilot', weight: 0.3, pattern: /\b(?:pilot|poc|proof of concept|spike|experiment with|trial run)\b/ },
  { name: 'anyone interested', weight: 0.3, pattern: /\banyone (?:interested|up for|keen|else (?:feel|think))\b|\bthoughts\s*\?|\bthoughts on\b/ },
  {
    name: 'proposal question',
    proposes: 'what follows',
    weight: 0.45,
    pattern:
      /\b(?:can|could|should|shall) (?:we|i|they|(?!you\b|someone\b|somebody\b|anyone\b|anybody\b|u\b)[\w-]+|the [\w-]+(?: [\w-]+){0,3}) (?:just |please |maybe |at least |also |not |instead )?(?:move|switch|go|use|try|drop|adopt|allow|keep|bring|get rid|ditch|replace|migrate|rewrite|build|put|let|scope|raise|shorten|lengthen|extend|bump|relax|loosen|lift|skip|stop|start|make|pilot|change|add|expose|run|pull|have|turn|limit|split|self-merge|merge|live|stay|host|self-host|give|write|consider|revert|kill|cap|do|enable|re-enable|disable|remove|restore|reintroduce|simplify|rework|retire|deprecate|waive|bypass|exempt|loosen|tighten|unblock|publish|ship|support|accept)\b/,
  },
  {
    name: 'just do it differently',
    proposes: 'what follows',
    weight: 0.5,
    pattern: /\b(?:can|could|should) (?:we|i|the [\w-]+(?: [\w-]+){0,3}) just\b|\b(?!you\b|someone\b|somebody\b|anyone\b|anybody\b|it\b|this\b|that\b|there\b)[\w-]+ (?:could|should) just\b/,
  },
  { name: 'i would rather', proposes: 'what follows', weight: 0.5, pattern: /\b(?:i'?d|i would|we'?d|we would) (?:really |much |honestly |still |also )?(?:rather|prefer|love to|like to|like|suggest|propose|vote)\b/ },
  { name: 'we should', proposes: 'what follows', weight: 0.55, pattern: /\bi (?:really |honestly |strongly |still |genuinely )?(?:think|feel|believe) (?:that )?(?:we|it|this) (?:should|need|must|ought)\b|\bwe (?:should|need to|must|ought to) (?:really |just |probably |seriously |at least )?(?:switch|move|go|use|try|drop|consider|allow|bring|keep|revert|stop|start|ditch|replace|migrate|rewrite|rethink|change|get rid|do)\b/ },
  { name: 'bring it back', proposes: 'what follows', weight: 0.5, pattern: /\bbring (?:back|it back|them back)\b|\b(?:go|switch|move|revert|roll|going) back to\b|\brevert to\b|\bshould [\w -]{1,40} again\b|\bneed [\w -]{1,40} again\b/ },
  { name: 'let us', proposes: 'what follows', weight: 0.5, pattern: /\blet'?s (?:just )?(?:switch|move|drop|try|go|use|revisit|reconsider|allow|kill|ditch|replace|rethink)\b|\bi (?:propose|suggest)\b/ },
  { name: 'drop the rule', weight: 0.35, pattern: /\b(?:get rid of|ditch|scrap)\b|\bdrop (?:it|the|this|that)\b|\braise (?:it|the|that)\b|\bshorten (?:it|the|that)\b/ },
  { name: 'exception', weight: 0.3, pattern: /\b(?:allow (?:it|that|this|an exception)|an exception for|carve-?out|exempt|break-?glass|keep [^!?]{1,40}?\baround)\b/ },
  { name: 'instead', weight: 0.2, pattern: /\binstead of\b|\brather than\b|\binstead\b/ },
  // Advocating an alternative.
  {
    name: 'advocates an alternative',
    proposes: 'the sentence',
    weight: 0.35,
    pattern:
      /\bwould (?:let us|allow us|make (?:it|this|that|ownership|things|life|us)|fix|cover|get us|save us|solve|give us)\b|\b(?:would|might|could)(?: also)? be (?:(?:way|so|much|a lot|far|even) )*(?:simpler|nicer|better|easier|cheaper|clearer|faster)\b|\b(?:way|much|so much|a lot) (?:fewer|less|simpler|nicer|better|easier|cheaper|clearer)\b|\b(?:nicer|better) fit\b/,
  },
  // What the rule costs.
  {
    name: 'complains about the cost',
    weight: 0.25,
    pattern:
      /\btoo (?:short|long|slow|strict|expensive|much|many|heavy|rigid)\b|\b(?:so|really|super|way too|very) (?:verbose|clunky|cumbersome|tedious|awkward|confusing|bloated|complicated|painful|slow)\b|\b(?:destroying|ruining|wrecking)\b|\boverkill\b|\bmiserable\b|\bpainful\b|\bfriction\b|\bbrutal\b|\bkilling (?:us|me)\b|\bmore harm than good\b|\bbureaucra\w*|\bpaperwork\b|\bexcessive\b|\bridiculous\b|\bsilly\b|\ba mess\b|\bslowest part\b|\bbad trade\b|\bnot a fan\b|\bdoes more harm\b|\bfeels? (?:like a|wrong|silly|excessive)\b|\bfighting the\b|\bfor zero\b|\bi miss\b|\bnobody reads\b|\bbiggest line item\b|\btanking\b|\bhorr[ií]vel\b|\bkostet uns\b|\bnous co[uû]te\b/,
  },
  {
    name: 'rule gets in the way',
    weight: 0.4,
    pattern: /\b(?:blocked|blocks|blocking|held up|holding up) (?:an? |the |our |my )?(?:urgent|critical|important|hot|one-line|tiny|small)\b|\boptimi[sz]ing for [\w ]{1,30} over\b|\bgets in the way\b|\bslows (?:us|everyone|everything) down\b/,
  },
  { name: 'hedged opinion', weight: 0.2, pattern: /\b(?:honestly|tbh|ngl|real talk|hot take|genuine q|unpopular opinion|not trying to start a war|at this point|franchement|sinceramente|ehrlich gesagt)\b/ },
  { name: 'knows it was decided', weight: 0.5, pattern: /\bi know (?:we|this|it) (?:went over|decided|discussed|was decided|agreed)\b/ },
  // A few proposal forms in French, Portuguese, Spanish and German (no \b after accented letters: JavaScript's \b is ASCII-only).
  {
    name: 'proposes (fr/pt/es/de)',
    proposes: 'what follows',
    weight: 0.45,
    pattern:
      /\bon (?:peut|pourrait|devrait)\b|\bpourquoi (?:ne )?pas\b|\bet si on\b|\b(?:revenir|repasser|passer) (?:à|a|sur)\s|\ba gente (?:devia|deveria|podia|poderia)\b|\bdever[ií]amos|\bpor que n[ãa]o\b|\bpor qu[ée] no\b|\bpodr[ií]amos|\bvoltar (?:a|para)\b|\breescrever\b|\bsollten wir\b|\bk[öo]nnten wir\b|\bwarum nicht\b|\breicht doch\b/,
  },
];

const WITHIN_CUES: Cue[] = [
  { name: 'cites the decision', weight: 0.8, pattern: /\bper (?:the|our|d-?\d+|policy|decision|guideline|rules?|standard|convention)\b|\bas (?:decided|agreed|planned|discussed|documented)\b|\bfollowing (?:the|our) (?:decision|policy|guideline|rule|standard|readme|docs|convention|process)\b|\bin line with\b|\baccording to (?:the|our)\b|\b(?:like|as) the [\w -]{1,30} (?:says|said|requires)\b|\bone (?:less|fewer) thing\b|\bapproved by\b|\bcomo (?:acordamos|decidimos|combinado)|\bcomme (?:convenu|pr[ée]vu|d[ée]cid[ée])|\bwie (?:besprochen|vereinbart|entschieden)|\bconforme (?:combinado|decidido)/ },
  {
    name: 'bug or error',
    weight: 0.5,
    pattern:
      /^(?:bug|error|issue)\s*:|\bbug\b|\berrors?\b|\bfailing\b|\bfails\b|\bfailed\b|\bbusted\b|(?<!non-)\bcrash(?:es|ing)?\b|\bstuck\b|\bflaky\b|\bregression\b|\btraceback\b|\bstack ?trace\b|\btimed out\b|\b(?:5\d\d|404)s?\b|\b(?:isn'?t|is not|not|doesn'?t|does not) (?:firing|loading|picking up|work(?:ing)?(?! (?:for us|out)))\b|\bcan'?t (?:assume|find|connect|access|log ?in)\b|\bpermission denied\b|\bperms\b|\bblocked on\b|\bbroke (?:my|the|our)\b|\bdoesn'?t seem to\b/,
  },
  {
    name: 'how-to question',
    weight: 0.55,
    pattern:
      /\bhow (?:do|can|should|would) (?:i|we|you|one)\b|\bhow to\b|\bany(?:one|body) (?:know|have|kno|seen|got)\b|\bdoes any(?:one|body)\b|\bis there (?:a|an|any) (?:way|template|module|guide|doc|docs|example|recommended|setup)\b|\bwhere(?:'s| is| are| do| can|s)\b|\bwhat(?:'s| is) the (?:recommended|right|best|proper|preferred|correct|safe) (?:way|approach)\b|\bthe safe way\b|\bis it supposed to\b|\bcan (?:someone|somebody|anyone)\b|\bcould (?:you|someone|somebody|anyone)\b|\bany (?:tips|recs|docs|pointers)\b|\bneed (?:a|an|one more) (?:[\w-]+ )?(?:hand|review|approval|\+1|sign-?off)/,
  },
  {
    name: 'status update',
    weight: 0.5,
    pattern:
      /(?:^|[.!?;:]\s*|(?<!\bif\s)\b(?:i|we|i'?ve|we'?ve|just|have|has|finally)\s+)(?:just\s+)?(?:merged|shipped|deployed|released|rolled out|migrated|ported|created|added|rotated|fixed|upgraded|updated|enabled|disabled|set up|bumped|moved|switched|split|wrote|opened|published|landed|finished|completed|removed|ya migr[ée])\b/,
  },
  { name: 'is done', weight: 0.35, pattern: /\b(?:is|are|was|were) (?:now )?(?:merged|deployed|live|up|green|done|released|published|shipped|fixed|in progress)\b|\bno action needed\b|\bfirst one is up\b|\bpr:|\bpr #|\b#\d{3,}\b|\bwill (?:deploy|delete|merge|ship|roll out)\b|\bgoing out now\b|\bi'?m on it\b|\blooking into it\b|\bheads up\b|^(?:fyi|psa|reminder|tip|update)\b|\b(?:psa|fyi)\b/ },
  { name: 'logistics', weight: 0.3, pattern: /\b(?:sign up|add yourselves|rsvp|calendar invite|planning is (?:on )?\w+day|please groom|ping me before|swap with me)\b/ },
];

const CELEBRATION_EMOJI = new Set(['tada', 'white_check_mark', 'heavy_check_mark', 'rocket', 'ship', 'raised_hands', 'relieved', 'partying_face', 'muscle', 'pray']);
const EXASPERATED_EMOJI = new Set(['clap', 'upside_down_face', 'face_with_rolling_eyes', 'eye_roll', 'facepalm', 'skull', 'grimacing', 'scream', 'weary', 'disappointed', 'zzz', 'thinking_face', 'money_with_wings', 'sob', 'unamused']);

/** Stance of one sentence (or a whole short message), from its words and emoji. */
export function stanceOf(text: string, emoji: string[] = []): Stance {
  const lower = text.toLowerCase();
  const exasperated = emoji.some((e) => EXASPERATED_EMOJI.has(e));
  const cues: string[] = [];
  let proposalAt: number | null = null;
  const reopenWeights: number[] = [];
  for (const cue of REOPEN_CUES) {
    const match = cue.pattern.exec(lower);
    if (!match || (cue.needsTone && !exasperated)) continue;
    cues.push(cue.name);
    reopenWeights.push(cue.weight);
    if (cue.proposes) {
      const at = cue.proposes === 'the sentence' ? 0 : match.index;
      if (proposalAt === null || at < proposalAt) proposalAt = at;
    }
  }
  const reopen = combine(reopenWeights);
  const withinWeights = WITHIN_CUES.filter((c) => c.pattern.test(lower)).map((c) => (cues.push(`~${c.name}`), c.weight));
  const celebrates = emoji.some((e) => CELEBRATION_EMOJI.has(e));
  if (celebrates) {
    cues.push('~celebrates');
    withinWeights.push(0.3);
  }
  let reopenWithTone = reopen;
  if (exasperated && !celebrates) {
    cues.push('exasperated');
    // Tone alone is no proposal; it only strengthens a complaint or a proposal already there.
    reopenWithTone = reopen > 0 ? combine([reopen, 0.15]) : 0;
  }
  return { reopen: reopenWithTone, within: combine(withinWeights), cues, proposalAt };
}

/**
 * Whether a text argues to reopen anything at all — `stanceOf(text, emoji).reopen > 0` — without
 * weighing the cues of working within a decision: the watcher asks it of every message.
 */
export function hasReopenCue(text: string, emoji: string[] = []): boolean {
  const lower = text.toLowerCase();
  const exasperated = emoji.some((e) => EXASPERATED_EMOJI.has(e));
  return REOPEN_CUES.some((cue) => (!cue.needsTone || exasperated) && cue.pattern.test(lower));
}

/**
 * How much a text argues to reopen, all cues considered. Cues of working within a decision pull
 * the score down, less so when the reopening cues are strong: "the sidecar breaks every week,
 * worth revisiting?" reopens despite its bug report; "bug: … any objections?" does not.
 */
export function stanceScore(stance: Stance): number {
  return stance.reopen * (1 - stance.within * (1 - stance.reopen / 2));
}

/** Independent pieces of evidence: each closes part of the remaining gap to certainty. */
function combine(weights: number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
}

/**
 * Sentences and list items of a message: a message may report a bug in one and reopen a
 * decision in the next, and each decision is judged by the sentences about it.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\s*;\s+|\s+(?=\d\)\s)|\s+(?=\(\d\)\s)|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
