import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, parseEncryptionKey, TokenCipherError } from '../../src/storage/tokenCipher.js';

const KEY_BYTES = randomBytes(32);
const BASE64_KEY = KEY_BYTES.toString('base64'); // as `openssl rand -base64 32` prints it
const TOKEN = 'xoxb-1111-2222-secretsecretsecret';

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('parseEncryptionKey', () => {
  it('reads 32 bytes from base64, url-safe base64 without padding, and hex of either case', () => {
    for (const text of [
      BASE64_KEY,
      `${BASE64_KEY}\n`,
      KEY_BYTES.toString('base64url'),
      KEY_BYTES.toString('hex'),
      KEY_BYTES.toString('hex').toUpperCase(),
    ]) {
      expect(parseEncryptionKey(text)).toEqual(KEY_BYTES);
    }
  });

  it('says what is wrong with a key of the wrong length or format, without repeating it', () => {
    const short = randomBytes(16).toString('base64');
    expect(parseEncryptionKey(short)).toBe(
      'decodes to 16 bytes; it must be 32 random bytes in base64 or hex (openssl rand -base64 32)',
    );
    expect(parseEncryptionKey('not a key at all!')).toMatch(/^is neither base64 nor hex/);
    expect(parseEncryptionKey('  ')).toMatch(/^is empty/);
    expect(parseEncryptionKey(randomBytes(31).toString('hex'))).toMatch(/must be 32 random bytes/);
    expect(parseEncryptionKey(short)).not.toContain(short);
  });
});

describe('the token cipher', () => {
  it('decrypts what it encrypted, with a fresh nonce each time and the key fingerprint in clear', () => {
    const cipher = createTokenCipher(BASE64_KEY);
    const first = cipher.encrypt(TOKEN);
    const second = cipher.encrypt(TOKEN);
    expect(first).not.toBe(second);
    expect(first).toMatch(new RegExp(`^v1:${cipher.fingerprint}:[A-Za-z0-9+/=]+$`));
    expect(cipher.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(first).not.toContain('secret');
    expect(cipher.decrypt(first)).toBe(TOKEN);
    // The same key given as hex is the same key.
    expect(createTokenCipher(KEY_BYTES.toString('hex')).decrypt(first)).toBe(TOKEN);
  });

  it('refuses a key of the wrong size with a message that names the variable, not the key', () => {
    const short = randomBytes(24).toString('base64');
    const error = thrown(() => createTokenCipher(short));
    expect(error.message).toBe(
      'ENCRYPTION_KEY decodes to 24 bytes; it must be 32 random bytes in base64 or hex (openssl rand -base64 32)',
    );
    expect(error.message).not.toContain(short);
  });

  it('says a ciphertext was written with a different key instead of returning garbage', () => {
    const written = createTokenCipher(BASE64_KEY).encrypt(TOKEN);
    const otherKey = randomBytes(32).toString('base64');
    const error = thrown(() => createTokenCipher(otherKey).decrypt(written));
    expect(error).toBeInstanceOf(TokenCipherError);
    expect(error).toMatchObject({ code: 'wrong_key' });
    expect(error.message).toMatch(/encrypted with a different ENCRYPTION_KEY/);
    for (const secret of [TOKEN, BASE64_KEY, otherKey]) expect(error.message).not.toContain(secret);
  });

  it('detects altered ciphertext, ciphertext moved to another row, and formats it does not know', () => {
    const cipher = createTokenCipher(BASE64_KEY);
    const written = cipher.encrypt(TOKEN, 'T0ACME');
    expect(cipher.decrypt(written, 'T0ACME')).toBe(TOKEN);
    expect(thrown(() => cipher.decrypt(written, 'T0OTHER'))).toMatchObject({ code: 'damaged' });

    const body = Buffer.from(written.split(':')[2]!, 'base64');
    body[body.length - 1]! ^= 1;
    expect(thrown(() => cipher.decrypt(`v1:${cipher.fingerprint}:${body.toString('base64')}`, 'T0ACME'))).toMatchObject(
      { code: 'damaged' },
    );
    expect(thrown(() => cipher.decrypt(`v1:${cipher.fingerprint}:AAAA`))).toMatchObject({ code: 'damaged' });
    expect(thrown(() => cipher.decrypt(written.replace(/^v1/, 'v9')))).toMatchObject({ code: 'unsupported_format' });
    expect(thrown(() => cipher.decrypt(TOKEN))).toMatchObject({ code: 'unsupported_format' });
    expect(thrown(() => cipher.decrypt(TOKEN)).message).not.toContain(TOKEN);
  });
});
