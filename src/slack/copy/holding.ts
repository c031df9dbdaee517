/** Answering within Slack's 3 seconds: what a sub-command says while the database is slow. */

/**
 * What a sub-command acks with when its answer is not ready within the ack budget (the database is
 * slow); the answer follows through the command's response_url.
 */
export const HOLDING = {
  lookUp: 'Looking that up — the answer follows in a moment.',
  change: 'Saving that — the database is slow right now. I will confirm here in a moment.',
  decision: 'Saving your decision — the database is slow right now. I will confirm here.',
  meeting: 'Recording the meeting — the database is slow right now. I will confirm here.',
  costs: 'Adding up the costs — the database is slow right now. I will answer here.',
  calendar: 'Reading the calendar… I will answer here in a moment.',
  working: 'Working on it — the database is slow right now. I will answer here in a moment.',
  purge: 'Checking that you are an admin and counting what is stored — I will answer here in a moment.',
} as const;
