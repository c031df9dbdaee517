/**
 * The words ADR folders are written in, in one table: section headings, metadata keys, status
 * words, title boilerplate and link verbs, in English, German, French, Spanish, Portuguese, Chinese
 * and Japanese. Readers look words up here; no other file lists them. Entries are compared after
 * `vocabularyKey` (lower case, accents kept, trailing colon dropped).
 */

export type AdrField =
  | 'status'
  | 'date'
  | 'deciders'
  | 'consulted'
  | 'informed'
  | 'tags'
  | 'context'
  | 'outcome'
  | 'decision'
  | 'options'
  | 'consequences'
  | 'links';

/** Heading names (and, for metadata, `Key:` names) of each field, by language. */
const FIELD_NAMES: Record<AdrField, Record<'en' | 'de' | 'fr' | 'es' | 'pt' | 'zh' | 'ja', string[]>> = {
  status: {
    en: ['status'],
    de: ['status', 'zustand'],
    fr: ['statut', 'état'],
    es: ['estado'],
    pt: ['estado', 'situação', 'status'],
    zh: ['状态', '狀態'],
    ja: ['ステータス', '状態'],
  },
  date: {
    en: ['date', 'decision date', 'created'],
    de: ['datum', 'erstellt'],
    fr: ['date'],
    es: ['fecha'],
    pt: ['data'],
    zh: ['日期', '时间'],
    ja: ['日付', '日時'],
  },
  deciders: {
    en: ['deciders', 'decider', 'decision-makers', 'decision makers', 'decision-maker(s)', 'decision maker(s)'],
    de: ['entscheider', 'entscheidungsträger'],
    fr: ['décideurs', 'décideur'],
    es: ['decisores', 'responsables de la decisión'],
    pt: ['decisores', 'tomadores de decisão'],
    zh: ['决策者', '決策者'],
    ja: ['決定者', '意思決定者'],
  },
  consulted: {
    en: ['consulted'],
    de: ['konsultiert'],
    fr: ['consultés'],
    es: ['consultados'],
    pt: ['consultados'],
    zh: ['咨询'],
    ja: ['相談先'],
  },
  informed: {
    en: ['informed'],
    de: ['informiert'],
    fr: ['informés'],
    es: ['informados'],
    pt: ['informados'],
    zh: ['知会'],
    ja: ['報告先'],
  },
  tags: {
    en: ['tags'],
    de: ['schlagwörter', 'tags'],
    fr: ['étiquettes'],
    es: ['etiquetas'],
    pt: ['etiquetas'],
    zh: ['标签', '標籤'],
    ja: ['タグ'],
  },
  context: {
    en: ['context and problem statement', 'context', 'problem statement', 'background', 'context and problem'],
    de: ['kontext und problemstellung', 'kontext', 'hintergrund', 'problemstellung'],
    fr: ['contexte et énoncé du problème', 'contexte', 'problème'],
    es: ['contexto y planteamiento del problema', 'contexto', 'antecedentes'],
    pt: ['contexto e enunciado do problema', 'contexto'],
    zh: ['背景', '上下文', '语境', '背景和问题陈述', '问题陈述'],
    ja: ['背景', 'コンテキスト', '文脈', '状況', 'コンテキストと問題'],
  },
  // MADR's "Decision Outcome" is preferred to a plain "Decision" when a record has both.
  outcome: {
    en: ['decision outcome'],
    de: ['entscheidungsergebnis', 'ergebnis der entscheidung'],
    fr: ['résultat de la décision'],
    es: ['resultado de la decisión'],
    pt: ['resultado da decisão'],
    zh: ['决策结果', '决定结果'],
    ja: ['決定の結果', '決定結果'],
  },
  decision: {
    en: ['decision', 'outcome', 'the decision', 'decision and rationale', 'rationale', 'proposal', 'decisions'],
    de: ['entscheidung', 'beschluss', 'begründung'],
    fr: ['décision'],
    es: ['decisión'],
    pt: ['decisão'],
    zh: ['决策', '决定', '決策', '決定'],
    ja: ['決定', '決定事項', '決断'],
  },
  options: {
    en: [
      'considered options',
      'options considered',
      'options',
      'alternatives',
      'alternatives considered',
      'considered alternatives',
    ],
    de: ['betrachtete optionen', 'optionen', 'alternativen'],
    fr: ['options envisagées', 'options considérées', 'options', 'alternatives'],
    es: ['opciones consideradas', 'opciones', 'alternativas'],
    pt: ['opções consideradas', 'opções', 'alternativas'],
    zh: ['考虑的选项', '备选方案', '替代方案', '选项'],
    ja: ['検討した選択肢', '選択肢', '代替案'],
  },
  consequences: {
    en: ['consequences', 'positive consequences', 'negative consequences', 'consequences and risks', 'implications'],
    de: ['konsequenzen', 'folgen', 'auswirkungen'],
    fr: ['conséquences'],
    es: ['consecuencias'],
    pt: ['consequências'],
    zh: ['后果', '结果', '影响', '後果'],
    ja: ['結果', '影響'],
  },
  links: {
    en: ['links', 'related decisions', 'related adrs'],
    de: ['links', 'verwandte entscheidungen'],
    fr: ['liens'],
    es: ['enlaces'],
    pt: ['links', 'ligações'],
    zh: ['链接', '相关决策'],
    ja: ['リンク', '関連する決定'],
  },
};

/** A heading or key reduced to what names it: NFKC, lower case, no trailing colon, single spaces. */
export function vocabularyKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[:.]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const FIELD_OF = new Map<string, AdrField>();
// Later fields do not take a name an earlier one has (背景 is context before it is anything else).
for (const [field, byLanguage] of Object.entries(FIELD_NAMES) as [AdrField, Record<string, string[]>][])
  for (const name of Object.values(byLanguage).flat()) if (!FIELD_OF.has(name)) FIELD_OF.set(name, field);

/** The field a heading or a `Key:` names, or null. Bilingual headings (`背景 / Context`) name it in either half. */
export function fieldNamed(text: string): AdrField | null {
  const whole = FIELD_OF.get(vocabularyKey(text));
  if (whole !== undefined) return whole;
  const halves = text
    .split(/[/|（(）)]/)
    .map(vocabularyKey)
    .filter((h) => h !== '');
  if (halves.length < 2) return null;
  const fields = new Set(halves.map((h) => FIELD_OF.get(h)).filter((f) => f !== undefined));
  return fields.size === 1 ? [...fields][0]! : null;
}

export type AdrStatusWord = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded';

/**
 * Status words, strongest first: "proposed, then accepted, then superseded" is superseded. The
 * emoji are the ones status lines are written with (`✅ Accepted`, or the emoji alone).
 */
export const STATUS_WORDS: [AdrStatusWord, string[]][] = [
  [
    'superseded',
    [
      'superseded',
      'superceded',
      'supersceded',
      'replaced by',
      'ersetzt',
      'abgelöst',
      'remplacé',
      'remplacée',
      'reemplazado',
      'reemplazada',
      'sustituido',
      'sustituida',
      'substituído',
      'substituída',
      '已取代',
      '被取代',
      '已替代',
      '取代',
      '置き換え',
      '↩',
      '↪',
    ],
  ],
  [
    'deprecated',
    [
      'deprecated',
      'obsolete',
      'retired',
      'veraltet',
      'abgekündigt',
      'obsolète',
      'déprécié',
      'dépréciée',
      'obsoleto',
      'obsoleta',
      'en desuso',
      'descontinuado',
      '已弃用',
      '弃用',
      '废弃',
      '已废弃',
      '非推奨',
      '廃止',
      '⛔',
      '🗑',
    ],
  ],
  [
    'rejected',
    [
      'rejected',
      'declined',
      'refused',
      'abandoned',
      'withdrawn',
      'abgelehnt',
      'verworfen',
      'rejeté',
      'rejetée',
      'refusé',
      'refusée',
      'rechazado',
      'rechazada',
      'rejeitado',
      'rejeitada',
      '已拒绝',
      '拒绝',
      '否决',
      '却下',
      '否認',
      '❌',
      '🚫',
    ],
  ],
  [
    'accepted',
    [
      'accepted',
      'approved',
      'agreed',
      'adopted',
      'decided',
      'done',
      'implemented',
      'active',
      'final',
      'akzeptiert',
      'angenommen',
      'beschlossen',
      'umgesetzt',
      'accepté',
      'acceptée',
      'approuvé',
      'approuvée',
      'adopté',
      'adoptée',
      'aceptado',
      'aceptada',
      'aprobado',
      'aprobada',
      'aceito',
      'aceita',
      'aceite',
      'aprovado',
      'aprovada',
      '已通过',
      '通过',
      '已接受',
      '接受',
      '完成',
      '已采纳',
      '采纳',
      '承認',
      '採用',
      '受理',
      '決定済み',
      '✅',
      '✔',
    ],
  ],
  [
    'proposed',
    [
      'proposed',
      'proposal',
      'draft',
      'pending',
      'on hold',
      'in review',
      'under review',
      'wip',
      'work in progress',
      'in progress',
      'open',
      'suggested',
      'planned',
      'discussing',
      'vorgeschlagen',
      'entwurf',
      'in prüfung',
      'proposé',
      'proposée',
      'brouillon',
      'propuesto',
      'propuesta',
      'borrador',
      'proposto',
      'proposta',
      'rascunho',
      '提议',
      '提案',
      '草稿',
      '待定',
      '草案',
      '検討中',
      '💭',
      '🤔',
      '🚧',
    ],
  ],
];

/** Link verbs adr-tools and MADR write, forward and back. `relates-to` reads the same both ways. */
export type LinkVerb = 'supersedes' | 'amends' | 'extends' | 'clarifies' | 'relates-to';

export const LINK_VERBS: { verb: LinkVerb; forward: string[]; reverse: string[]; write: [string, string] }[] = [
  {
    verb: 'supersedes',
    forward: ['supersedes', 'supercedes', 'replaces', 'in part supersedes', 'partly supersedes'],
    reverse: ['superseded by', 'superceded by', 'replaced by', 'superseded in part by'],
    write: ['Supersedes', 'Superseded by'],
  },
  { verb: 'amends', forward: ['amends'], reverse: ['amended by'], write: ['Amends', 'Amended by'] },
  { verb: 'extends', forward: ['extends'], reverse: ['extended by'], write: ['Extends', 'Extended by'] },
  { verb: 'clarifies', forward: ['clarifies'], reverse: ['clarified by'], write: ['Clarifies', 'Clarified by'] },
  {
    verb: 'relates-to',
    forward: ['relates to', 'related to', 'see also', 'related'],
    reverse: [],
    write: ['Relates to', 'Relates to'],
  },
];

/** Words before a title that say only what kind of document it is: "Architecture Decision Record: X". */
export const TITLE_BOILERPLATE = [
  'architecture decision record',
  'architectural decision record',
  'architecture decision',
  'decision record',
  'adr',
  'rfc',
  'architekturentscheidung',
  'décision d’architecture',
  "décision d'architecture",
  'registro de decisión de arquitectura',
  'registro de decisão de arquitetura',
  '架构决策记录',
  '架构决策',
  'アーキテクチャ決定記録',
];

/** Whether `phrase` occurs in `text` (both lower case) as whole words; CJK phrases need no spaces around them. */
export function containsPhrase(text: string, phrase: string): boolean {
  // CJK is written without spaces, and an emoji is a word of its own: both match anywhere.
  const cjk = /[\u3040-\u30ff\u3400-\u9fff]/.test(phrase) || !/[\p{L}\p{N}]/u.test(phrase);
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    if (cjk) return true;
    const before = at === 0 ? '' : text.charAt(at - 1);
    const after = text.charAt(at + phrase.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}
