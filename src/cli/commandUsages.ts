import { DETECTOR_FILE } from '../detector/loadDetector.js';
import { COMMAND } from '../domain/command.js';

/**
 * What each command takes and does, as `--help` prints it: the words the CLI's users read first, in
 * one place, and light, so that `--help` and a misspelt command load none of the commands.
 */
export const COMMAND_USAGES = {
  'eval-relitigation': `eval-relitigation FILE.jsonl [--sensitivity low|normal|high] [--verbose]
                  [--mode offline|llm] [--postgres-server URL]

  Scores the relitigation detector on labelled Slack messages (format and scoring:
  test/fixtures/relitigation/README.md). Its decisions are recorded into a fresh workspace of a fresh
  in-memory PGlite database, or with --postgres-server postgres://… into a database created on
  that server for the run and dropped after it; DATABASE_URL is ignored, so the eval never reads or
  writes the app's own decisions. The last line printed is the result as JSON.

  --sensitivity  the channel setting the messages are judged under (default normal)
  --verbose      print each miss and false alarm, with the detector's reasons, before the result
  --mode         offline (default); llm: judge as a workspace that ran \`${COMMAND} llm on\` does, with the
                 endpoint of OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_EMBEDDING_MODEL and
                 OPENAI_TIMEOUT_MS (every message is sent to it; lines the LLM did not answer in time
                 are judged offline and counted as llm_fallbacks)`,
  'train-detector': `train-detector [--data FILE.jsonl] [--out DIR]

  Fits the relitigation detector from labelled lines (default: the training file in
  test/fixtures/relitigation/), prints leave-one-area-out cross-validation as JSON (last line), and
  writes models/${DETECTOR_FILE} (or DIR/${DETECTOR_FILE}). Deterministic: the same data and
  word vectors give the same file, byte for byte. After a new model, run \`npm run cli -- reindex\`.`,
  reindex: `reindex

  Builds the relitigation detector's index rows (models/relitigation-detector.json's version) for
  every decision without one, in every workspace of the database the app uses (DATABASE_URL, or
  the embedded one in DATA_DIR; stop the app first when it is the embedded one). Run it after
  deploying a new model; the app says at start-up when it is due. Safe to run again or to stop.
  Progress goes to stderr; the last line is JSON.`,
  digest: `digest --channel C123 [--workspace T123] [--dry-run]

  Builds one channel's Reflection digest now — for its schedule's current period, or the last 7
  days when it has none — and posts it (with the chart in its thread), or with --dry-run prints
  its text and Block Kit instead. Uses the app's configuration (DATABASE_URL or DATA_DIR, and
  SLACK_BOT_TOKEN or, with OAuth installs, the workspace's installation and SLACK_API_URL to post;
  a --dry-run with --workspace needs no Slack configuration). The workspace defaults to the bot
  token's (with OAuth, give --workspace). An operator's digest is extra: it does not take the
  place of the scheduled one. The last line is JSON.`,
  import: `import DIR --channel C123 [--workspace T123] [--recursive] [--private]

  Imports a folder of Markdown ADRs (MADR 2/3/4, log4brains, Docusaurus, Nygard / adr-tools; in
  English, German, French, Spanish, Portuguese, Chinese or Japanese) into the log, in the channel
  given (public unless --private). Every section is kept, in order and in full, for ${COMMAND} show
  and for export to write back; status, date and title are kept as written too. Folder-per-ADR
  layouts (NAME/index.md, NAME/README.md) are read; other files in subfolders only with
  --recursive. The folder's README or index, templates and unfilled stubs are skipped, each with
  its reason. A re-import updates changed files in place and adds nothing twice (the key is the
  file's path, or the x-id an export wrote). Uses the app's database (DATABASE_URL or DATA_DIR;
  with the embedded one, stop the app first). Without --workspace the bot token's is asked of Slack
  (SLACK_BOT_TOKEN needed then). Progress goes to stderr; the last line is a JSON summary.`,
  export: `export --out DIR [--format madr|nygard] [--channel C123] [--workspace T123] [--include-private]

  Writes every decision (or one channel's) as an ADR file. A record imported from a file goes back
  under that file's name (its number, its folder) with every section where it was; any other as
  NNNN-slug.md by ref. MADR 4 with the Slack fields under x- keys in the front matter (default),
  or Nygard. Links (supersedes, amends, relates to…) are written both ways. Decisions of private
  channels, DMs and group DMs are left out unless --include-private, which marks them
  (x-private: true) so that importing the folder keeps them private. DIR is made if it does not
  exist. Without --workspace the bot token's is asked of Slack (SLACK_BOT_TOKEN needed then).
  Progress goes to stderr; the last line is JSON.`,
  'move-to-postgres': `move-to-postgres POSTGRES_URL

  Copies the embedded ledger in DATA_DIR — every workspace's decisions, judgements, costs,
  schedules and installations, with the refs and ids they go by — into the PostgreSQL database at
  POSTGRES_URL (postgres://user:password@host:5432/name), which must hold no rows; a new one is
  migrated first. One transaction: a failed move leaves it as it was. The row counts of every table
  are compared before the commit. DATA_DIR keeps its ledger (migrated first, as the app would).
  Stop the app first: it holds DATA_DIR.
  Progress goes to stderr; the last line is JSON, after the DATABASE_URL to set.`,
  backup: `backup FILE [--from http://app:3000]

  Writes a backup of the embedded ledger in DATA_DIR to FILE, a new file: the data folder as a
  gzipped tarball, which \`restore\` loads. With the app stopped, the command reads DATA_DIR itself.
  While the app runs it holds DATA_DIR: --from asks the running app for the backup instead (its
  base URL; ADMIN_TOKEN set to the app's). With DATABASE_URL set, back up with pg_dump instead.
  The last line is JSON.`,
  restore: `restore FILE [--replace]

  Loads a backup made by \`backup\` into DATA_DIR, which must be empty or not exist yet. With
  --replace, what DATA_DIR holds is first moved into a folder beside it (DATA_DIR.before-restore-
  TIME): nothing is deleted. Stop the app first: it holds DATA_DIR. The app migrates the restored
  ledger when it starts. The last line is JSON.`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGES;
