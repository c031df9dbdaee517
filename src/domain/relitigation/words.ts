/**
 * Words for matching: tokens with a light stem, and the lists of words that say nothing about
 * a topic. The stemmer only has to agree with itself (both sides of every comparison go through
 * it), so it is a handful of suffix rules rather than a full Porter stemmer.
 */

export interface Token {
  /** As written, for abbreviations that only count in capitals (RN, DD). */
  raw: string;
  /** Where the token starts in the text it came from. */
  index: number;
  lower: string;
  stem: string;
}

// Version numbers stay whole (3.12 is not 3 and 12); otherwise runs of letters and digits.
const TOKEN = /\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const lower = raw.toLowerCase();
    tokens.push({ raw, index: match.index, lower, stem: stem(lower) });
  }
  return tokens;
}

/**
 * Plurals first (deploys, policies, caches), then one derivational suffix (deployment, reviewer,
 * injected, migration), then a final "e" (cache/caching, page/paged). Short words and anything
 * with a digit (3.12, k8s, v2) are left alone.
 */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const result = stemOf(word);
  // The vocabulary of a workspace is small and repeats; the cap only guards against unbounded growth.
  if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
  stems.set(word, result);
  return result;
}

const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 50_000;

function stemOf(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 2 || /\d/.test(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, replacement, minBase] of DERIVATIONS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minBase) {
      w = undoubled(w.slice(0, -suffix.length)) + replacement;
      break;
    }
  }
  return w.length >= 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}

// [suffix, replacement, shortest base it may leave]
const DERIVATIONS: [string, string, number][] = [
  ['ation', 'at', 3],
  ['ment', '', 4],
  ['ing', '', 3],
  ['ied', 'y', 3],
  ['ed', '', 3],
  ['er', '', 4],
  ['or', '', 4],
  ['ly', '', 4],
];

/** running → run; but "all", "pass", "buzz", "staff" keep their pair. */
function undoubled(base: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(base) && !/(?:ll|ss|zz|ff)$/.test(base) ? base.slice(0, -1) : base;
}

/**
 * Function words and chat filler (English, plus the commonest in French, Spanish, Portuguese and
 * German): never a topic, never sent to the full-text query.
 */
export const STOPWORDS = new Set(
  (
    'a about above after again against all almost also am an and any anyone anything are aren around as at be because been ' +
    'before being below between both but by can cannot could couldn did didn do does doesn doing don done down during each ' +
    'either else even ever every few for from further get gets getting got had hadn has hasn have haven having he her here ' +
    'hers him his how however i if in into is isn it its itself just let lets like ll me might more most much must my ' +
    'myself no nor not now of off often on once one only or other our ours out over own per please quite rather re really ' +
    's same shall she should shouldn so some someone something still such t than that the their them then there these ' +
    'they this those through to too under until up upon us ve very via was wasn way we were weren what whatever when where ' +
    'whether which while who whom whose why will with within without won would wouldn yet you your yours yourself d m o y ' +
    'ok okay hey hi hello thanks thank thx pls plz lol lmao tbh imo imho ngl fyi btw afaik iirc idk yeah yep yes nope gonna ' +
    'wanna kinda sorta literally honestly basically actually maybe probably definitely totally anyway anyways though ' +
    'le la les un une des du de et est pas pour que qui nous vous on en au aux ce cette il elle ils sont mais ou avec ' +
    'el los las unos unas del y es por para con se lo como mas pero su sus al ' +
    'o os as um uma do da dos das em no na nos nas com para por que se ao mais mas eu ele ela ' +
    'der die das den dem des ein eine einen und ist nicht ich wir ihr sie es zu mit auf für von im am oder aber doch auch'
  ).split(/\s+/),
);

/**
 * Words so common in engineering chat that sharing one says little about sharing a topic. They
 * still reach the full-text query (a decision may be titled with them) but weigh little in topic
 * scoring.
 */
export const GENERIC_WORDS = new Set(
  (
    'team teams time times day days week weeks month months year years today tomorrow yesterday morning night tonight ' +
    'thing things stuff people person folks everyone everybody nobody somebody guy guys need needs want wants make makes ' +
    'made use used using uses work works working worked new old good bad better best great nice big small little lot lots ' +
    'bit way ways going go goes went come comes came take takes took give gives gave see sees saw look looks looking know ' +
    'knows think thinks feel feels seem seems try tries tried keep keeps kept put puts call calls called move moves moved ' +
    'question questions issue issues problem problems idea ideas case cases point part end start help able sure real right ' +
    'wrong true first last next long short high low whole full half same different current later soon again already ' +
    'place set run runs running ran change changes changed stay stays live lives thread channel message slack link doc docs ' +
    'page pages file files note notes update updates ask asks asked say says said tell told let get got also since per ' +
    'via yes no etc eg ie anyone someone one two three four five six seven eight nine ten ' +
    'min mins minute minutes hour hours hr hrs sec secs second seconds ms ' +
    // Nouns nearly every engineering decision uses: they say which decisions exist, not which one is meant.
    'service services system systems app apps api apis code data tool tools platform product products project projects ' +
    'feature features user users customer customers decision decisions rule rules process setup config stuff prod ' +
    'production staging env environment dev support request requests ' +
    // How people argue, not what about: the stance cues' own vocabulary.
    'revisit revisiting reconsider rethink reopen revert honestly drop dropped dropping instead rather switch switching ' +
    'replace replacing pilot poc spike worth mistake idea thoughts interested overkill painful miserable annoying ' +
    'nicer simpler faster cheaper easier fewer harder slower worse better longer true false lighter heavier biting ' +
    'seems feels felt wonder wondering crazy agenda'
  ).split(/\s+/),
);

/** A word worth putting in a query: not a function word, and long enough to mean something. */
export function isContentWord(token: Token): boolean {
  if (STOPWORDS.has(token.lower)) return false;
  if (/^\d+$/.test(token.lower)) return false;
  return token.lower.length >= 2;
}
