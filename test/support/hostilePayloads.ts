import { prng } from './prng.js';
import { createHmac } from 'node:crypto';
import { ACTION, CALLBACK, COST_FIELD, FIELD, FIELD_ACTION, REOPEN_FIELD } from '../../src/slack/ids.js';

/**
 * A deterministic corpus of hostile requests to POST /slack/events: malformed, mistyped, oversized
 * and injected payloads that Slack signed (or that someone forged). Every request here must be
 * answered (< 500, within Slack's 3 s) and must store nothing. The same seed gives the same corpus,
 * so a failure names its seed and case and reproduces.
 *
 * What is deliberately NOT here: inputs that are valid and therefore rightly stored, such as
 * `/decide We adopt X because Y` whose text happens to contain SQL or `<!channel>`. Those are text
 * and are tested separately (stored verbatim, echoed inert). Every command text here either fails
 * to parse, is refused, is read-only, or rides on a malformed envelope.
 */

export type Family = 'event' | 'command' | 'interactive' | 'raw' | 'forged';

export type Signing =
  | 'slack'
  /** No X-Slack-Signature / X-Slack-Request-Timestamp at all. */
  | 'none'
  | 'wrong_secret'
  /** Signed correctly, 10 minutes ago: a replay. */
  | 'stale'
  /** A valid signature, of another body. */
  | 'other_body'
  /** Garbage in the headers: `v1=`, upper-case hex, a timestamp that is no number. */
  | 'malformed_header';

export interface HostileRequest {
  id: number;
  family: Family;
  /** What the case is, short enough to print with its id. */
  label: string;
  body: Buffer;
  /** null: no content-type header at all. */
  contentType: string | null;
  signing: Signing;
  /** An exact status for forged requests (401, or 200 for Slack's unsigned ssl_check); otherwise only < 500. */
  expectStatus?: number;
}

export interface CorpusProps {
  seed: number;
  count: number;
  team: string;
  /** The fake Slack's response_url for an id, so responses the app sends land somewhere recorded. */
  responseUrl: (id: string) => string;
  /** A message text that the relitigation watcher does judge (and store a judgement for) when well-formed. */
  reopening: string;
}

class Dice {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ───────────────────────────── hostile strings ─────────────────────────────

/** Slack's live broadcast and group mentions, in the spellings Slack sends. */
export const BROADCASTS = [
  '<!channel>',
  '<!here>',
  '<!here|here>',
  '<!everyone>',
  '<!channel|@channel>',
  '<!subteam^S0ENG1>',
  '<!subteam^S0ENG1|@eng>',
  '<!group>',
];

const SQL = [
  "'); drop table decisions; --",
  "' OR '1'='1",
  '1; DELETE FROM workspaces; --',
  '$$; drop table decisions; $$',
  "\\'; truncate cost_events cascade; --",
  '%_\\%',
  "E'\\x00'",
  "'||pg_sleep(10)||'",
  "1' union select secrets from slack_installations --",
];

const STRANGE = [
  '\u0000',
  '\u0000\u0001\u0007\b\u001b[31m\u007f\u0085',
  '\u202eevil\u202c',
  'שלום עולם مرحبا بالعالم',
  '\u200b\u200c\u200d\ufeff',
  '👩‍👩‍👧‍👦🏳️‍🌈🇺🇳',
  'Z̸̢͓̬̈́͊a̷͙̒l̶̰̾g̵̩̀o̶̪̍',
  '\ud800',
  'x\udfffy',
  '\r\n\r\n',
  '\n'.repeat(500),
  'a & | ! ( ) :* <-> !!! &',
  '<script>alert(1)</script>',
  '<https://evil.example|click me>',
  '<javascript:alert(1)|x>',
  '*bold* _it_ ~s~ ```code``` `x`',
  '&lt;!channel&gt; &amp;amp;',
  '<@U0ANA|admin> <#C0PUBLIC|general>',
  '<!date^0^{date}|x>',
  '__proto__',
  'constructor',
  '{"__proto__":{"admin":true}}',
  '%s%n%x%d',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, typed literally by a user
  '${process.exit(1)}',
  '{{7*7}}',
  'NaN',
  '1e309',
  '-0',
  '9007199254740993',
  '0x10',
  '../../../../etc/passwd',
  '@channel @here @everyone',
];

function hostileString(d: Dice): string {
  switch (d.int(0, 5)) {
    case 0:
      return d.pick(BROADCASTS);
    case 1:
      return d.pick(SQL);
    case 2:
      return huge(d);
    default:
      return d.pick(STRANGE);
  }
}

/** About 40,000 characters: one unbroken token, or words, or mentions. */
function huge(d: Dice): string {
  switch (d.int(0, 3)) {
    case 0:
      return 'A'.repeat(40_000);
    case 1:
      return 'word '.repeat(8_000);
    case 2:
      return '<!channel> '.repeat(3_600);
    default:
      return '👩‍👩‍👧‍👦'.repeat(3_600);
  }
}

/** A token with no whitespace: after `/decide` it reads as a mistyped sub-command, never a decision. */
function hostileToken(d: Dice): string {
  const pieces = [
    d.pick([
      ...BROADCASTS,
      ...STRANGE.filter((s) => !/\s/.test(s)),
      'A'.repeat(40_000),
      "');drop/**/table/**/decisions;--",
    ]),
  ];
  if (d.chance(0.3)) pieces.push(d.pick(BROADCASTS));
  return pieces.join('').replace(/\s+/g, '');
}

/** Any JSON value, mostly of the wrong type for wherever it is put. */
function wrongValue(d: Dice, depth = 0): unknown {
  switch (d.int(0, 11)) {
    case 0:
      return d.pick([0, -1, 1e308, -1e-308, 3.14, Number.MAX_SAFE_INTEGER + 2]);
    case 1:
      return d.pick([true, false]);
    case 2:
      return null;
    case 3:
      return [];
    case 4:
      return depth < 3 ? [wrongValue(d, depth + 1), hostileString(d)] : [1];
    case 5:
      return {};
    case 6:
      return depth < 3
        ? { [d.pick(['__proto__', 'constructor', 'type', 'text', 'a'])]: wrongValue(d, depth + 1) }
        : { a: 1 };
    case 7:
      return nested(d.int(20, 400));
    case 8:
      return '';
    default:
      return hostileString(d);
  }
}

function nested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { x: value };
  return value;
}

// ───────────────────────────── Events API ─────────────────────────────

const MESSAGE_FIELDS = [
  'ts',
  'channel',
  'channel_type',
  'thread_ts',
  'user',
  'text',
  'subtype',
  'bot_id',
  'event_ts',
] as const;

/**
 * A message event that would be judged (and a judgement stored) if it were well formed, with at
 * least one field that no Slack message has: a ts that is no ts, a channel that is no channel id,
 * text that is no string, a bot's message, a subtype that carries no person's words.
 */
function brokenMessage(d: Dice, p: CorpusProps, n: number): { label: string; event: unknown } {
  const ts = `${1_700_500_000 + n}.000100`;
  const event: Record<string, unknown> = {
    type: 'message',
    channel: 'C0FUZZ',
    channel_type: 'channel',
    user: 'U0RAJ',
    text: p.reopening,
    ts,
    event_ts: ts,
  };
  const broken: string[] = [];
  const breakField = (field: (typeof MESSAGE_FIELDS)[number]) => {
    broken.push(field);
    switch (field) {
      case 'ts':
        event.ts = d.chance(0.2)
          ? undefined
          : d.pick([
              Number(ts),
              { ts },
              [ts],
              'now',
              '',
              "1'; drop table decisions; --",
              ts.repeat(500),
              '1e3',
              '-1.5',
              `${ts}\u0000`,
            ]);
        return;
      case 'channel':
        event.channel = d.chance(0.2)
          ? undefined
          : d.pick([
              { id: 'C0FUZZ' },
              ['C0FUZZ'],
              42,
              '',
              "C0'); drop table decisions; --",
              'C'.repeat(5_000),
              '<!channel>',
              'c0lower',
            ]);
        return;
      case 'channel_type':
        event.channel_type = d.pick([undefined, 'im', 'mpim', 'app_home', { type: 'channel' }, ['channel'], 1]);
        return;
      case 'thread_ts':
        event.thread_ts = d.pick([
          {},
          [ts],
          1_700_000_000.0001,
          true,
          'not-a-ts',
          "'; drop table decisions; --",
          ts.repeat(300),
          '',
        ]);
        return;
      case 'user':
        event.user = d.pick([
          { id: 'U0RAJ' },
          ['U0RAJ'],
          7,
          true,
          '<!channel>',
          "U'); drop table decisions; --",
          'U'.repeat(5_000),
        ]);
        return;
      case 'text':
        event.text = d.pick([12345, { text: p.reopening }, [p.reopening], null, true, '', '   \n\t']);
        return;
      case 'subtype':
        event.subtype = d.pick([
          'bot_message',
          'channel_join',
          'message_deleted',
          'xyzzy',
          'MESSAGE',
          '',
          42,
          { a: 1 },
          ['me_message'],
          'message_replied',
          'tombstone',
        ]);
        return;
      case 'bot_id':
        event.bot_id = d.pick(['B0OTHER', 'BBOT', 1, { id: 'B1' }]);
        return;
      case 'event_ts':
        // event_ts alone is harmless: pair it with another break.
        event.event_ts = wrongValue(d);
        breakField(d.pick(MESSAGE_FIELDS.filter((f) => f !== 'event_ts')));
        return;
    }
  };
  const times = d.int(1, 3);
  for (let i = 0; i < times; i++) breakField(d.pick(MESSAGE_FIELDS));
  if (d.chance(0.15)) event.blocks = wrongValue(d);
  if (d.chance(0.1)) event.files = wrongValue(d);
  return { label: `message with broken ${[...new Set(broken)].join('+')}`, event };
}

function editedMessage(d: Dice, p: CorpusProps, n: number): { label: string; event: unknown } {
  const ts = `${1_700_600_000 + n}.000200`;
  const good = { type: 'message', user: 'U0RAJ', text: p.reopening, ts };
  const variants: [string, unknown][] = [
    ['no message', undefined],
    ['null message', null],
    ['string message', p.reopening],
    ['array message', [good]],
    ['message of a bot', { ...good, bot_id: 'B0OTHER' }],
    ['bot_message message', { ...good, subtype: 'bot_message' }],
    ['message with numeric text', { ...good, text: 42 }],
    ['message with object ts', { ...good, ts: { ts } }],
    ['message with bad ts', { ...good, ts: 'yesterday' }],
    ['message with object thread_ts', { ...good, thread_ts: { ts } }],
    ['message with deep garbage', nested(300)],
  ];
  const [label, message] = d.pick(variants);
  return {
    label: `message_changed with ${label}`,
    event: {
      type: 'message',
      subtype: 'message_changed',
      channel: 'C0FUZZ',
      channel_type: 'channel',
      ts,
      event_ts: ts,
      hidden: true,
      ...(message === undefined ? {} : { message }),
      previous_message: wrongValue(d),
    },
  };
}

function otherEvent(d: Dice): { label: string; event: unknown } {
  switch (d.int(0, 7)) {
    case 0:
      return {
        label: 'app_home_opened with odd fields',
        event: {
          type: 'app_home_opened',
          user: d.pick([wrongValue(d), 'U0ANA']),
          tab: d.pick(['home', 'messages', wrongValue(d)]),
          view: wrongValue(d),
        },
      };
    case 1:
      return { label: 'tokens_revoked with odd tokens', event: { type: 'tokens_revoked', tokens: wrongValue(d) } };
    case 2:
      return { label: 'app_uninstalled with garbage', event: { type: 'app_uninstalled', extra: wrongValue(d) } };
    case 3:
      return {
        label: 'unknown event type',
        event: {
          type: d.pick([
            'reaction_added',
            'x'.repeat(300),
            'MESSAGE',
            '',
            'message.channels',
            '__proto__',
            'constructor',
            'toString',
            '<!channel>',
            "message'; drop",
          ]),
          text: hostileString(d),
        },
      };
    case 4:
      return { label: 'event type of the wrong type', event: { type: wrongValue(d), text: 'x' } };
    case 5:
      return {
        label: 'event that is no object',
        event: d.pick(['message', 42, null, [], [{ type: 'message', text: 'x' }], true]),
      };
    case 6:
      return {
        label: 'event with a huge number of keys',
        event: Object.fromEntries([
          ['type', 'reaction_added'],
          ...Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]),
        ]),
      };
    default:
      return { label: 'message event with no fields but type', event: { type: 'message' } };
  }
}

function eventCase(d: Dice, p: CorpusProps, n: number): Omit<HostileRequest, 'id'> {
  const roll = d.next();
  const { label, event } = roll < 0.5 ? brokenMessage(d, p, n) : roll < 0.65 ? editedMessage(d, p, n) : otherEvent(d);
  const envelope: Record<string, unknown> = {
    token: 'deprecated-verification-token',
    team_id: p.team,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `EvFUZZ${n}`,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: p.team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event,
  };
  const odd: string[] = [];
  if (d.chance(0.25)) {
    const field = d.pick([
      'team_id',
      'event_id',
      'type',
      'authorizations',
      'api_app_id',
      'enterprise_id',
      'is_ext_shared_channel',
    ]);
    envelope[field] = d.chance(0.3) ? undefined : wrongValue(d);
    odd.push(field);
  }
  if (d.chance(0.05)) {
    // A redelivery of an earlier case: the dedupe path, with hostile content.
    envelope.event_id = `EvFUZZ${Math.max(0, n - d.int(1, 50))}`;
    odd.push('reused event_id');
  }
  return {
    family: 'event',
    label: `${label}${odd.length ? `; envelope ${odd.join('+')}` : ''}`,
    body: Buffer.from(JSON.stringify(envelope)),
    contentType: 'application/json',
    signing: 'slack',
  };
}

function envelopeOnlyCase(d: Dice, p: CorpusProps): Omit<HostileRequest, 'id'> {
  const variants: [string, unknown][] = [
    ['url_verification with an odd challenge', { type: 'url_verification', token: 'x', challenge: wrongValue(d) }],
    ['url_verification with a huge challenge', { type: 'url_verification', challenge: 'c'.repeat(200_000) }],
    [
      'app_rate_limited with odd fields',
      { type: 'app_rate_limited', team_id: wrongValue(d), minute_rate_limited: wrongValue(d), api_app_id: 'A0APP' },
    ],
    ['unknown envelope type', { type: hostileString(d), team_id: p.team }],
    ['event_callback without an event', { type: 'event_callback', team_id: p.team, event_id: 'EvNONE' }],
    [
      'event_callback whose event is null',
      { type: 'event_callback', team_id: p.team, event_id: 'EvNULL', event: null },
    ],
    ['JSON that is no object', d.pick([42, 'event_callback', true, [], [{ type: 'event_callback' }], null])],
    ['deeply nested JSON', nested(d.int(500, 3_000))],
  ];
  const [label, body] = d.pick(variants);
  return {
    family: 'event',
    label,
    body: Buffer.from(JSON.stringify(body) ?? 'null'),
    contentType: 'application/json',
    signing: 'slack',
  };
}

// ───────────────────────────── slash commands ─────────────────────────────

/**
 * `/decide` texts that store nothing: sub-commands given arguments they refuse, read-only
 * sub-commands with hostile input, single tokens (read as mistyped sub-commands), and decisions
 * that break a rule (too long, a revisit date in the past, nothing but tags and mentions).
 */
function refusedCommandText(d: Dice): { label: string; text: string } {
  const s = () => hostileString(d);
  const t = () => hostileToken(d);
  const variants: (() => { label: string; text: string })[] = [
    () => ({ label: 'a single hostile token', text: t() }),
    () => ({ label: 'whitespace only', text: d.pick([' ', '\n\t \r\n', '\u3000']) }),
    () => ({ label: 'search with hostile words', text: `search ${s()} ${s()}` }),
    () => ({
      label: 'show with a garbage ref',
      text: `show ${d.pick(['D-0', 'D--1', 'D-1e9', 'D-99999999999999999999', 'D-NaN', "D-1'; drop", '<!channel>', t()])}`,
    }),
    () => ({ label: 'show of a ref that does not exist', text: `show D-${d.int(1000, 2_000_000_000)}` }),
    () => ({ label: 'list with garbage', text: `list ${t()}` }),
    () => ({ label: 'watch with garbage', text: `watch ${t()}` }),
    () => ({ label: 'llm with garbage', text: `llm ${t()}` }),
    () => ({
      label: 'admin with garbage',
      text: d.pick(['admin', `admin ${t()}`, `admin purge ${t()}`, 'admin purge everything now']),
    }),
    () => ({
      label: 'supersede without a valid ref',
      text: `supersede ${d.pick(['', 'D-0', 'D-x', t()])} ${d.chance(0.5) ? '' : 'We adopt X because Y'}`,
    }),
    () => ({
      label: 'supersede of a missing decision',
      text: `supersede D-${d.int(1000, 99_999)} We adopt ${s()} because ${s()}`,
    }),
    () => ({
      label: 'meeting that is no meeting',
      text: `meeting ${d.pick(['0m', '99999h', '4NaN', '1e9m', '45m', '25h'])} ${d.pick(['', '0', '-1', '1e9', 'NaN', '100001', "8'); drop"])} ${d.chance(0.5) ? s() : ''}`,
    }),
    () => ({ label: 'costs with garbage', text: `costs ${t()}` }),
    () => ({
      label: 'digest that is no schedule',
      text: `digest ${d.pick(['weekly', 'weekly fri 25:99', 'daily 9:30 Mars/Olympus_Mons', 'monthly 31 09:00', 'weekly <!channel> 10:00', 'daily 24:61', "daily 09:00 '); drop"])}`,
    }),
    () => ({
      label: 'calendar with a private or invalid URL',
      text: `calendar ${d.pick(['http://127.0.0.1/x.ics', '<http://localhost:5432/|db>', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'webcal://10.0.0.1/cal.ics', 'https://user:pass@example.invalid/c.ics', 'http://0x7f.1/', 'http://2130706433/'])}`,
    }),
    () => ({ label: 'a decision longer than a card holds', text: `We adopt ${huge(d)} because ${s()}` }),
    () => ({ label: 'a decision title over the limit', text: `${'word '.repeat(120)}because ${s()}` }),
    () => ({
      label: 'a decision with a revisit date in the past',
      text: `We adopt ${s()} because ${s()} revisit on ${d.pick(['2001-01-01', '1999-12-31', '2024-02-29'])}`,
    }),
    () => ({
      label: 'a decision with an unreadable revisit date',
      text: `We adopt ${s()} revisit in ${d.pick(['forever', '99999999999 years', '-3 days', 'NaN months', '<!channel>'])}`,
    }),
    () => ({ label: 'only tags and mentions', text: `#${d.pick(['a', 'orders', 'x'])} <@U0ANA> #b <@U0RAJ|raj>` }),
  ];
  return d.pick(variants)();
}

/** Texts that WOULD be recorded from a well-formed command: sent only on malformed envelopes. */
const STORABLE = [
  'We adopt Kafka for events because the queue keeps dropping messages',
  'We retire the legacy billing cron because Stripe sends webhooks now #billing',
];

function commandCase(d: Dice, p: CorpusProps, n: number): Omit<HostileRequest, 'id'> {
  const fields: [string, string][] = [
    ['token', 'deprecated-verification-token'],
    ['team_id', p.team],
    ['team_domain', 'acme'],
    ['channel_id', 'C0FUZZ'],
    ['channel_name', 'fuzz'],
    ['user_id', 'U0FUZZ'],
    ['user_name', 'fuzz'],
    ['command', '/decide'],
    ['text', ''],
    ['api_app_id', 'A0APP'],
    ['is_enterprise_install', 'false'],
    ['response_url', p.responseUrl(`fuzz-${n}`)],
    ['trigger_id', `trigger-fuzz-${n}`],
  ];
  const set = (key: string, value: string) => {
    const field = fields.find(([k]) => k === key);
    if (field) field[1] = value;
  };
  let label: string;
  if (d.chance(0.75)) {
    const refused = refusedCommandText(d);
    set('text', refused.text);
    label = `/decide ${refused.label}`;
  } else {
    // A decision that would be recorded, on an envelope Slack never sends.
    set('text', d.pick(STORABLE));
    const key = d.pick(['team_id', 'channel_id', 'user_id', 'trigger_id', 'command', 'text']);
    const how = d.pick(['missing', 'repeated', 'empty']);
    const index = fields.findIndex(([k]) => k === key);
    if (how === 'missing') fields.splice(index, 1);
    else if (how === 'empty') fields[index]![1] = '';
    else
      fields.splice(index + 1, 0, [
        key,
        key === 'command' ? '/decide' : fields[index]![1] === '' ? 'x' : fields[index]![1],
      ]);
    label = `/decide <storable text> with ${key} ${how}`;
  }
  if (d.chance(0.1)) {
    const key = d.pick(['channel_name', 'user_name', 'team_domain', 'is_enterprise_install', 'api_app_id']);
    set(key, hostileString(d));
    label += `; odd ${key}`;
  }
  return {
    family: 'command',
    label,
    body: Buffer.from(encodeForm(fields)),
    contentType: 'application/x-www-form-urlencoded',
    signing: 'slack',
  };
}

/**
 * URL-encodes like Slack does, byte by byte over UTF-8, so lone surrogates (which
 * encodeURIComponent refuses) travel as the replacement character, as they would from a browser.
 */
function encodeForm(fields: [string, string][]): string {
  const encode = (value: string) =>
    [...Buffer.from(value, 'utf8')]
      .map((b) =>
        /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');
  return fields.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

// ───────────────────────────── interactivity ─────────────────────────────

function baseInteraction(p: CorpusProps, n: number, type: string): Record<string, unknown> {
  return {
    type,
    team: { id: p.team, domain: 'acme' },
    user: { id: 'U0FUZZ', username: 'fuzz', team_id: p.team },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    trigger_id: `trigger-fuzz-${n}`,
    response_url: p.responseUrl(`fuzz-${n}`),
  };
}

function blockAction(d: Dice, p: CorpusProps, n: number): { label: string; payload: unknown } {
  const actionId = d.pick([
    ACTION.warningReopen,
    ACTION.warningDismiss,
    ACTION.warningView,
    ACTION.warningKeep,
    `${ACTION.resultsPage}:next`,
    ACTION.homeSearch,
    ACTION.openModal,
    ACTION.purgeConfirm,
    ACTION.purgeCancel,
    'unknown_action',
    hostileToken(d),
  ]);
  const value = actionId.startsWith(ACTION.resultsPage)
    ? d.pick([
        JSON.stringify({ offset: -1, query: { k: 'search', q: 'x' } }),
        JSON.stringify({ offset: 0, query: { k: 'search', q: '' } }),
        '{"offset":0,',
        JSON.stringify({ offset: 1e9, query: { k: 'list', tag: "'; drop", status: null } }),
        hostileString(d),
      ])
    : actionId === ACTION.purgeConfirm
      ? // A non-admin clicking "Delete everything" (the fake Slack knows no admins): refused.
        d.pick([p.team, 'T0OTHER', hostileString(d)])
      : d.pick(['0', '-1', '1e308', '0x1', '9007199254740993', 'NaN', '1; drop table decisions', hostileString(d)]);
  const action: Record<string, unknown> = {
    type: d.pick(['button', 'plain_text_input', 'static_select', 'weird']),
    action_id: actionId,
    block_id: 'b',
    value,
    action_ts: '1700000000.1',
  };
  const payload: Record<string, unknown> = {
    ...baseInteraction(p, n, 'block_actions'),
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0FUZZ', is_ephemeral: true },
    channel: { id: 'C0FUZZ', name: 'fuzz' },
    message: { ts: '1700000000.000100', text: 'x' },
    actions: [action],
  };
  const broken: string[] = [];
  if (d.chance(0.4)) {
    const field = d.pick(['actions', 'user', 'channel', 'team', 'container', 'message', 'response_url', 'trigger_id']);
    payload[field] = d.chance(0.4) ? undefined : wrongValue(d);
    broken.push(field);
  }
  if (d.chance(0.2)) {
    action.value = wrongValue(d);
    broken.push('value type');
  }
  return {
    label: `block_actions ${actionId.slice(0, 30)}${broken.length ? ` with odd ${broken.join('+')}` : ''}`,
    payload,
  };
}

/** The decision form, submitted with at least one value it must refuse. */
function decisionFormSubmission(d: Dice, p: CorpusProps, n: number): { label: string; payload: unknown } {
  const input = (value: unknown) => ({ [FIELD_ACTION]: value });
  const values: Record<string, unknown> = {
    [FIELD.title]: input({ type: 'plain_text_input', value: 'We adopt Kafka for events' }),
    [FIELD.rationale]: input({ type: 'plain_text_input', value: 'the queue drops messages' }),
    [FIELD.context]: input({ type: 'plain_text_input', value: null }),
    [FIELD.alternatives]: input({ type: 'plain_text_input', value: null }),
    [FIELD.consequences]: input({ type: 'plain_text_input', value: null }),
    [FIELD.deciders]: input({ type: 'multi_users_select', selected_users: ['U0FUZZ'] }),
    [FIELD.tags]: input({ type: 'plain_text_input', value: null }),
    [FIELD.status]: input({ type: 'static_select', selected_option: { value: 'accepted' } }),
    [FIELD.revisitOn]: input({ type: 'datepicker', selected_date: null }),
  };
  let metadata: unknown = { origin: 'modal', channelId: 'C0FUZZ', message: null, participants: [] };
  const breaks: [string, () => void][] = [
    [
      'metadata',
      () =>
        (metadata = d.pick([
          '{',
          'null',
          '[]',
          JSON.stringify({ origin: 'evil', channelId: 'C0FUZZ', message: null, participants: [] }),
          JSON.stringify({ origin: 'modal', channelId: { id: 'C1' }, message: null, participants: [] }),
          hostileString(d),
        ])),
    ],
    [
      'title value type',
      () =>
        (values[FIELD.title] = input({
          type: 'plain_text_input',
          value: d.pick([42, { text: 'x' }, ['We adopt Kafka'], true]),
        })),
    ],
    ['title missing', () => delete values[FIELD.title]],
    [
      'title blank',
      () => (values[FIELD.title] = input({ type: 'plain_text_input', value: d.pick(['', '   ', '\n\n']) })),
    ],
    ['title too long', () => (values[FIELD.title] = input({ type: 'plain_text_input', value: huge(d) }))],
    ['rationale too long', () => (values[FIELD.rationale] = input({ type: 'plain_text_input', value: huge(d) }))],
    [
      'tags invalid',
      () =>
        (values[FIELD.tags] = input({
          type: 'plain_text_input',
          value: d.pick(["'); drop table decisions; --", '<!channel>', 'a'.repeat(41), '#ok #<script>']),
        })),
    ],
    [
      'tags of the wrong type',
      () => (values[FIELD.tags] = input({ type: 'plain_text_input', value: d.pick([7, ['a'], { a: 1 }]) })),
    ],
    [
      'deciders of the wrong type',
      () =>
        (values[FIELD.deciders] = input({
          type: 'multi_users_select',
          selected_users: d.pick(['U0FUZZ', 42, { id: 'U1' }, [42, { u: 1 }], [null]]),
        })),
    ],
    [
      'too many deciders',
      () =>
        (values[FIELD.deciders] = input({
          type: 'multi_users_select',
          selected_users: Array.from({ length: 50 }, (_, i) => `U${i}`),
        })),
    ],
    [
      'revisit date invalid',
      () =>
        (values[FIELD.revisitOn] = input({
          type: 'datepicker',
          selected_date: d.pick(['2001-01-01', '2026-02-30', 'tomorrow', "2030-01-01'; drop", 20300101, { d: 1 }]),
        })),
    ],
    [
      'alternatives too many',
      () =>
        (values[FIELD.alternatives] = input({
          type: 'plain_text_input',
          value: Array.from({ length: 30 }, (_, i) => `option ${i}`).join('\n'),
        })),
    ],
    ['state of the wrong type', () => (values[FIELD.title] = d.pick([null, 'x', [1], { value: 'We adopt Kafka' }]))],
  ];
  const applied = new Set<string>();
  for (let i = d.int(1, 2); i > 0; i--) {
    const [name, apply] = d.pick(breaks);
    apply();
    applied.add(name);
  }
  // Oddities that are harmless on their own, on top of a real break.
  if (d.chance(0.3)) values[FIELD.status] = input({ type: 'static_select', selected_option: wrongValue(d) });
  if (d.chance(0.2)) values[hostileToken(d).slice(0, 255)] = wrongValue(d);
  const payload = {
    ...baseInteraction(p, n, 'view_submission'),
    view: {
      id: `VFUZZ${n}`,
      team_id: p.team,
      type: 'modal',
      callback_id: CALLBACK.decisionModal,
      private_metadata: typeof metadata === 'string' ? metadata : JSON.stringify(metadata),
      state: { values },
      hash: 'h',
    },
  };
  return { label: `decision form with ${[...applied].join('+')}`, payload };
}

function otherViewSubmission(d: Dice, p: CorpusProps, n: number): { label: string; payload: unknown } {
  const input = (value: unknown) => ({ [FIELD_ACTION]: value });
  switch (d.int(0, 3)) {
    case 0: {
      const field = d.pick([
        COST_FIELD.hourlyRate,
        COST_FIELD.currency,
        COST_FIELD.buildMultiplier,
        COST_FIELD.switchOverheadMinutes,
        COST_FIELD.reviewInterruptionFactor,
        COST_FIELD.timeZone,
      ]);
      const bad = d.pick([
        "'); drop table cost_settings; --",
        '-1',
        '1e309',
        'NaN',
        'Infinity',
        '<!channel>',
        '',
        huge(d),
        'EURO',
        'Mars/Base',
      ]);
      const metadata = d.chance(0.2)
        ? d.pick(['{', '{"channelId":""}', '{"channelId":{"a":1}}'])
        : JSON.stringify({ channelId: 'C0FUZZ' });
      return {
        label: `cost settings with ${field} = ${JSON.stringify(bad).slice(0, 30)}`,
        payload: {
          ...baseInteraction(p, n, 'view_submission'),
          view: {
            id: `VFUZZ${n}`,
            team_id: p.team,
            type: 'modal',
            callback_id: CALLBACK.costSettings,
            private_metadata: metadata,
            state: {
              values: {
                [COST_FIELD.scope]: input({
                  type: 'radio_buttons',
                  selected_option: { value: d.pick(['channel', 'workspace', hostileString(d)]) },
                }),
                // Each field that must be a number gets something that is not one; the picked field may get worse.
                [COST_FIELD.hourlyRate]: input({ type: 'plain_text_input', value: 'lots' }),
                [field]: input({ type: 'plain_text_input', value: bad }),
                [COST_FIELD.workingDays]: input({
                  type: 'checkboxes',
                  selected_options: d.pick([[{ value: '9' }], [{ value: "1'; drop" }], 'mon', [null]]),
                }),
                [COST_FIELD.workdayStart]: input({
                  type: 'timepicker',
                  selected_time: d.pick(['25:00', 'noon', null, 9]),
                }),
              },
            },
          },
        },
      };
    }
    case 1:
      return {
        label: 'reopen form with odd metadata',
        payload: {
          ...baseInteraction(p, n, 'view_submission'),
          view: {
            id: `VFUZZ${n}`,
            type: 'modal',
            callback_id: CALLBACK.reopenDecision,
            private_metadata: d.pick([
              '{',
              'null',
              JSON.stringify({ judgementId: -1, decisionRef: 1, channelId: 'C0PUBLIC', threadTs: '1', warningTs: '' }),
              JSON.stringify({
                judgementId: 1,
                decisionRef: 999_999,
                channelId: 'C0PUBLIC',
                threadTs: '1',
                warningTs: '',
              }),
              hostileString(d),
            ]),
            state: {
              values: {
                [REOPEN_FIELD.whatIsNew]: input({
                  type: 'plain_text_input',
                  value: d.pick([hostileString(d), 42, null]),
                }),
                [REOPEN_FIELD.newDecision]: input({ type: 'plain_text_input', value: hostileString(d) }),
              },
            },
          },
        },
      };
    case 2:
      return {
        label: 'view_submission of an unknown or odd view',
        payload: {
          ...baseInteraction(p, n, 'view_submission'),
          view: d.pick([
            null,
            'view',
            [],
            { callback_id: hostileToken(d), state: wrongValue(d) },
            { callback_id: CALLBACK.decisionModal },
            { callback_id: CALLBACK.decisionModal, state: { values: null } },
            {
              callback_id: CALLBACK.costSettings,
              private_metadata: '{"channelId":"C0FUZZ"}',
              state: { values: wrongValue(d) },
            },
          ]),
        },
      };
    default:
      return {
        label: 'view_closed with garbage',
        payload: { ...baseInteraction(p, n, 'view_closed'), view: wrongValue(d), is_cleared: wrongValue(d) },
      };
  }
}

function shortcut(d: Dice, p: CorpusProps, n: number): { label: string; payload: unknown } {
  if (d.chance(0.5)) {
    const message = d.pick([
      undefined,
      null,
      'text',
      { ts: 42, text: hostileString(d) },
      { ts: '1700000000.000100', text: hostileString(d), user: wrongValue(d) },
      { ts: '1700000000.000100', thread_ts: wrongValue(d), text: wrongValue(d) },
    ]);
    return {
      label: 'message shortcut with an odd message',
      payload: {
        ...baseInteraction(p, n, 'message_action'),
        callback_id: CALLBACK.logAsDecision,
        channel: d.pick([{ id: 'C0FUZZ', name: 'fuzz' }, wrongValue(d)]),
        message_ts: '1700000000.000100',
        ...(message === undefined ? {} : { message }),
      },
    };
  }
  return {
    label: 'global shortcut with odd fields',
    payload: {
      ...baseInteraction(p, n, 'shortcut'),
      callback_id: d.pick([CALLBACK.newDecision, hostileToken(d), 42]),
      user: d.pick([wrongValue(d), { id: 'U0FUZZ' }]),
    },
  };
}

function interactiveCase(d: Dice, p: CorpusProps, n: number): Omit<HostileRequest, 'id'> {
  const roll = d.next();
  let label: string;
  let payloadText: string;
  if (roll < 0.1) {
    label = 'payload that is broken JSON';
    payloadText = d.pick([
      '{',
      '{"type":"block_actions",',
      'undefined',
      "{'type':'shortcut'}",
      '{"type":"view_submission","view":{"state":',
      '\u0000',
      '',
    ]);
  } else if (roll < 0.2) {
    label = 'payload of the wrong shape';
    payloadText = JSON.stringify(
      d.pick([
        null,
        42,
        'block_actions',
        [],
        [{ type: 'block_actions' }],
        { type: wrongValue(d) },
        { type: 'block_actions' },
        { type: 'dialog_submission', submission: wrongValue(d) },
        { type: 'interactive_message', actions: wrongValue(d) },
        { type: 'block_suggestion', action_id: 'x', value: hostileString(d) },
      ]),
    );
  } else {
    const { label: l, payload } =
      roll < 0.5
        ? blockAction(d, p, n)
        : roll < 0.75
          ? decisionFormSubmission(d, p, n)
          : roll < 0.9
            ? otherViewSubmission(d, p, n)
            : shortcut(d, p, n);
    label = l;
    payloadText = JSON.stringify(payload);
  }
  const fields: [string, string][] = [['payload', payloadText]];
  if (d.chance(0.05)) fields.push(['payload', '{}']);
  return {
    family: 'interactive',
    label,
    body: Buffer.from(encodeForm(fields)),
    contentType: 'application/x-www-form-urlencoded',
    signing: 'slack',
  };
}

// ───────────────────────────── raw bodies ─────────────────────────────

function rawCase(d: Dice, p: CorpusProps, n: number): Omit<HostileRequest, 'id'> {
  const event = JSON.stringify({
    type: 'event_callback',
    team_id: p.team,
    event_id: `EvRAW${n}`,
    event: {
      type: 'message',
      channel: 'C0FUZZ',
      channel_type: 'channel',
      user: 'U0RAJ',
      text: p.reopening,
      ts: `${1_700_700_000 + n}.000100`,
    },
  });
  // Signed JSON is read as JSON whatever its content-type says: those bodies carry an event nobody stores.
  const benign = JSON.stringify({
    type: 'event_callback',
    team_id: p.team,
    event_id: `EvRAWB${n}`,
    event: { type: 'reaction_added', user: 'U0RAJ', reaction: 'eyes' },
  });
  const command = encodeForm([
    ['command', '/decide'],
    ['text', STORABLE[0]!],
    ['team_id', p.team],
    ['channel_id', 'C0FUZZ'],
    ['user_id', 'U0FUZZ'],
    ['trigger_id', `trigger-raw-${n}`],
    ['response_url', p.responseUrl(`raw-${n}`)],
  ]);
  const random = Buffer.alloc(d.int(1, 4_096));
  for (let i = 0; i < random.length; i++) random[i] = d.int(0, 255);
  const variants: [string, Buffer, string | null][] = [
    ['truncated JSON', Buffer.from(event.slice(0, d.int(1, event.length - 1))), 'application/json'],
    ['random bytes as JSON', random, 'application/json'],
    ['random bytes as a form', random, 'application/x-www-form-urlencoded'],
    ['empty JSON body', Buffer.alloc(0), 'application/json'],
    ['empty form body', Buffer.alloc(0), 'application/x-www-form-urlencoded'],
    ['JSON sent as text/plain', Buffer.from(benign), 'text/plain'],
    ['JSON without a content-type', Buffer.from(benign), null],
    ['a command form with ;charset=UTF-8', Buffer.from(command), 'application/x-www-form-urlencoded; charset=UTF-8'],
    ['a command form sent as JSON', Buffer.from(command), 'application/json'],
    ['JSON sent as a form', Buffer.from(event), 'application/x-www-form-urlencoded'],
    [
      'multipart body',
      Buffer.from(`--b\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${event}\r\n--b--\r\n`),
      'multipart/form-data; boundary=b',
    ],
    [
      'JSON with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(event)]),
      'application/json',
    ],
    ['UTF-16 JSON', Buffer.from(event, 'utf16le'), 'application/json'],
    [
      'overlong UTF-8 and lone surrogate bytes',
      Buffer.from([
        ...Buffer.from('{"type":"event_callback","x":"'),
        0xc0,
        0xaf,
        0xed,
        0xa0,
        0x80,
        0xff,
        ...Buffer.from('"}'),
      ]),
      'application/json',
    ],
    ['JSON followed by garbage', Buffer.from(`${event}}}}garbage`), 'application/json'],
    ['two JSON documents', Buffer.from(`${event}\n${event}`), 'application/json'],
    [
      'form with percent garbage',
      Buffer.from('command=%2Fdecide&text=%E0%A4%A&payload=%ZZ%%%'),
      'application/x-www-form-urlencoded',
    ],
    ['form whose payload is null', Buffer.from('payload=null'), 'application/x-www-form-urlencoded'],
    ['JSON null', Buffer.from('null'), 'application/json'],
  ];
  const [label, body, contentType] = d.pick(variants);
  return { family: 'raw', label, body, contentType, signing: 'slack' };
}

// ───────────────────────────── forged ─────────────────────────────

/** Requests that would store something if they were signed: each must get 401 and do nothing. */
function forgedCase(d: Dice, p: CorpusProps, n: number): Omit<HostileRequest, 'id'> {
  const command = encodeForm([
    ['team_id', p.team],
    ['channel_id', 'C0FUZZ'],
    ['user_id', 'U0FUZZ'],
    ['command', '/decide'],
    ['text', d.pick(STORABLE)],
    ['response_url', p.responseUrl(`forged-${n}`)],
    ['trigger_id', `trigger-forged-${n}`],
  ]);
  const event = JSON.stringify({
    type: 'event_callback',
    team_id: p.team,
    event_id: `EvFORGED${n}`,
    authorizations: [{ team_id: p.team, user_id: 'UBOT', is_bot: true }],
    event: {
      type: 'message',
      channel: 'C0FUZZ',
      channel_type: 'channel',
      user: 'U0RAJ',
      text: p.reopening,
      ts: `${1_700_800_000 + n}.000100`,
    },
  });
  if (d.chance(0.1)) {
    // Slack's unsigned ssl_check is answered 200, and whatever is smuggled beside it is dropped.
    return {
      family: 'forged',
      label: 'unsigned ssl_check with a smuggled command',
      body: Buffer.from(`ssl_check=1&${command}`),
      contentType: 'application/x-www-form-urlencoded',
      signing: 'none',
      expectStatus: 200,
    };
  }
  const signing = d.pick<Signing>(['none', 'wrong_secret', 'stale', 'other_body', 'malformed_header']);
  const isEvent = d.chance(0.5);
  return {
    family: 'forged',
    label: `${isEvent ? 'reopening message event' : '/decide <storable text>'} signed ${signing}`,
    body: Buffer.from(isEvent ? event : command),
    contentType: isEvent ? 'application/json' : 'application/x-www-form-urlencoded',
    signing,
    expectStatus: 401,
  };
}

// ───────────────────────────── the corpus ─────────────────────────────

export function hostileCorpus(props: CorpusProps): HostileRequest[] {
  const d = new Dice(prng(props.seed));
  const cases: HostileRequest[] = [];
  for (let id = 0; id < props.count; id++) {
    const roll = d.next();
    const made =
      roll < 0.27
        ? eventCase(d, props, id)
        : roll < 0.32
          ? envelopeOnlyCase(d, props)
          : roll < 0.6
            ? commandCase(d, props, id)
            : roll < 0.86
              ? interactiveCase(d, props, id)
              : roll < 0.94
                ? rawCase(d, props, id)
                : forgedCase(d, props, id);
    cases.push({ id, ...made });
  }
  return cases;
}

/** The headers a request is sent with: Slack's signature, or the forgery its case names. */
export function signingHeaders(request: HostileRequest, secret: string, nowSeconds: number): Record<string, string> {
  const sign = (key: string, timestamp: number, body: Buffer) =>
    `v0=${createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(`v0:${timestamp}:`), body]))
      .digest('hex')}`;
  const headers: Record<string, string> = request.contentType === null ? {} : { 'content-type': request.contentType };
  switch (request.signing) {
    case 'none':
      return headers;
    case 'slack':
      return {
        ...headers,
        'x-slack-request-timestamp': String(nowSeconds),
        'x-slack-signature': sign(secret, nowSeconds, request.body),
      };
    case 'wrong_secret':
      return {
        ...headers,
        'x-slack-request-timestamp': String(nowSeconds),
        'x-slack-signature': sign(`${secret}x`, nowSeconds, request.body),
      };
    case 'stale':
      return {
        ...headers,
        'x-slack-request-timestamp': String(nowSeconds - 600),
        'x-slack-signature': sign(secret, nowSeconds - 600, request.body),
      };
    case 'other_body':
      return {
        ...headers,
        'x-slack-request-timestamp': String(nowSeconds),
        'x-slack-signature': sign(secret, nowSeconds, Buffer.from('{}')),
      };
    case 'malformed_header': {
      const good = sign(secret, nowSeconds, request.body);
      const variants: Record<string, string>[] = [
        { 'x-slack-request-timestamp': String(nowSeconds), 'x-slack-signature': good.replace('v0=', 'v1=') },
        { 'x-slack-request-timestamp': String(nowSeconds), 'x-slack-signature': good.toUpperCase() },
        { 'x-slack-request-timestamp': 'now', 'x-slack-signature': good },
        { 'x-slack-request-timestamp': String(nowSeconds), 'x-slack-signature': good.slice(0, -2) },
        { 'x-slack-request-timestamp': String(nowSeconds), 'x-slack-signature': '' },
      ];
      return { ...headers, ...variants[request.id % variants.length] };
    }
  }
}
