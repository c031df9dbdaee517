import { describe, expect, it } from 'vitest';
import { frameMessages } from '../../src/storage/embedded/framing.js';

function untyped(code: number, body = Buffer.alloc(0)): Buffer {
  const packet = Buffer.alloc(8 + body.length);
  packet.writeInt32BE(packet.length, 0);
  packet.writeInt32BE(code, 4);
  body.copy(packet, 8);
  return packet;
}

function typed(type: string, body = Buffer.alloc(0)): Buffer {
  const message = Buffer.alloc(5 + body.length);
  message.write(type, 0, 'latin1');
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

const STARTUP = untyped(196_608, Buffer.from('user\0postgres\0\0'));
const QUERY = typed('Q', Buffer.from('select 1\0'));
const SYNC = typed('S');

describe('framing the wire protocol for the embedded database', () => {
  it('runs the startup packet on its own, then the whole typed messages together, keeping a partial one', () => {
    const framing = frameMessages(Buffer.concat([STARTUP, QUERY, SYNC, QUERY.subarray(0, 7)]), false);
    expect(framing.frames).toEqual([
      { kind: 'startup', bytes: STARTUP },
      { kind: 'messages', bytes: Buffer.concat([QUERY, SYNC]) },
    ]);
    expect(framing.rest).toEqual(QUERY.subarray(0, 7));
    expect(framing).toMatchObject({ started: true, violation: null });
  });

  it('waits for the rest of a startup packet or a message split across writes', () => {
    expect(frameMessages(STARTUP.subarray(0, 10), false)).toEqual({
      frames: [],
      rest: STARTUP.subarray(0, 10),
      started: false,
      violation: null,
    });
    expect(frameMessages(QUERY.subarray(0, 3), true)).toEqual({
      frames: [],
      rest: QUERY.subarray(0, 3),
      started: true,
      violation: null,
    });
  });

  it('declines TLS and GSS encryption, and has nothing to cancel', () => {
    const framing = frameMessages(Buffer.concat([untyped(80_877_103), untyped(80_877_104), STARTUP]), false);
    expect(framing.frames.map((frame) => frame.kind)).toEqual(['decline-encryption', 'decline-encryption', 'startup']);
    expect(frameMessages(Buffer.concat([untyped(80_877_102, Buffer.alloc(8))]), false).frames).toEqual([
      { kind: 'cancel' },
    ]);
  });

  it('ends the connection at an unknown message type, after running the messages before it', () => {
    const framing = frameMessages(Buffer.concat([SYNC, typed('~'), QUERY]), true);
    expect(framing.frames).toEqual([{ kind: 'messages', bytes: SYNC }]);
    expect(framing.violation).toBe('invalid frontend message type 126');
    expect(framing.rest.length).toBe(0);
  });

  it('ends the connection at a length that cannot be, instead of reading on', () => {
    const negative = Buffer.from([0x51, 0xff, 0xff, 0xff, 0xf0]);
    expect(frameMessages(negative, true).violation).toBe('invalid message length -16');
    expect(frameMessages(Buffer.from([0x51, 0, 0, 0, 2]), true).violation).toBe('invalid message length 2');
    const hugeStartup = Buffer.alloc(8);
    hugeStartup.writeInt32BE(1_000_000, 0);
    expect(frameMessages(hugeStartup, false).violation).toBe('invalid startup packet length 1000000');
  });

  it('refuses a protocol other than 3.0', () => {
    expect(frameMessages(untyped(131_072), false).violation).toBe('unsupported frontend protocol 2.0');
  });
});
