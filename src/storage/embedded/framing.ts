/**
 * Splits what a client wrote on one connection into the PostgreSQL wire protocol's messages, as a
 * server reads them, so the embedded database's worker hands PGlite only whole, well-formed
 * messages. PGlite trusts its input: an unknown message type or a bad length made it loop forever
 * on the one backend, so those end the connection here instead, as a server ends it.
 */

// Before startup a client sends one untyped packet; its second word says which.
const PROTOCOL_3 = 196_608;
const CANCEL_REQUEST = 80_877_102;
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const MAX_STARTUP_PACKET = 10_000;

/** The message types a client may send once started (protocol 3.0). */
const FRONTEND_TYPES = new Set([...'BCcdDEfFHpPQSX'].map((type) => type.charCodeAt(0)));

export type Frame =
  /** The startup packet: PGlite answers it with authentication and the server's parameters. */
  | { kind: 'startup'; bytes: Buffer }
  /** A request for TLS or GSS encryption, which this server declines with 'N', as PostgreSQL does. */
  | { kind: 'decline-encryption' }
  /** A cancel request: PGlite runs one statement at a time to the end, so there is nothing to cancel. */
  | { kind: 'cancel' }
  /** One or more whole typed messages (Parse, Bind, Execute, Sync…), to run in one call. */
  | { kind: 'messages'; bytes: Buffer };

export interface Framing {
  frames: Frame[];
  /** The start of a message still to come. */
  rest: Buffer;
  /** Whether the connection has sent its startup packet, after these frames. */
  started: boolean;
  /** Set when the client broke the protocol: the frames before it still run; the connection ends. */
  violation: string | null;
}

export function frameMessages(input: Buffer, startedBefore: boolean): Framing {
  const frames: Frame[] = [];
  let buffer = input;
  let started = startedBefore;
  const stop = (violation: string): Framing => ({ frames, rest: Buffer.alloc(0), started, violation });

  while (!started && buffer.length >= 8) {
    const length = buffer.readInt32BE(0);
    if (length < 8 || length > MAX_STARTUP_PACKET) return stop(`invalid startup packet length ${length}`);
    if (buffer.length < length) break;
    const code = buffer.readInt32BE(4);
    if (code === PROTOCOL_3) {
      frames.push({ kind: 'startup', bytes: buffer.subarray(0, length) });
      started = true;
    } else if (code === SSL_REQUEST || code === GSSENC_REQUEST) frames.push({ kind: 'decline-encryption' });
    else if (code === CANCEL_REQUEST) frames.push({ kind: 'cancel' });
    else return stop(`unsupported frontend protocol ${code >>> 16}.${code & 0xffff}`);
    buffer = buffer.subarray(length);
  }
  if (!started) return { frames, rest: buffer, started, violation: null };

  let whole = 0;
  let violation: string | null = null;
  while (buffer.length - whole >= 5) {
    const type = buffer[whole]!;
    const length = buffer.readInt32BE(whole + 1);
    if (!FRONTEND_TYPES.has(type)) {
      violation = `invalid frontend message type ${type}`;
      break;
    }
    if (length < 4) {
      violation = `invalid message length ${length}`;
      break;
    }
    if (buffer.length - whole < 1 + length) break;
    whole += 1 + length;
  }
  if (whole > 0) frames.push({ kind: 'messages', bytes: buffer.subarray(0, whole) });
  if (violation) return stop(violation);
  return { frames, rest: buffer.subarray(whole), started, violation: null };
}
