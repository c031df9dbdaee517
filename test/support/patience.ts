/**
 * How long tests wait. Every wait ends as soon as what it waits for happens; these limits only
 * decide when a wait is a hang. They are generous so that a busy machine (a CI box running other
 * work, a laptop compiling) makes the suite slower, never red.
 */

/** Waiting for something the app does soon after a request (a post, a stored row, a response_url answer). */
export const WAIT_MS = 60_000;

/** A test that starts processes (the app, the CLI) or works through a large input. */
export const SLOW_TEST_MS = 300_000;
