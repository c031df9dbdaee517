import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encrypts Slack tokens at rest with AES-256-GCM. A ciphertext reads
 * `v1:<key fingerprint>:<base64 of iv | tag | data>`: the version lets the format change later, and
 * the fingerprint (first 8 hex characters of the key's SHA-256) tells "another ENCRYPTION_KEY
 * wrote this" apart from "this was damaged", instead of both failing as a bare GCM auth error.
 *
 * Errors never carry the key or the plaintext.
 */
export interface TokenCipher {
  /** Identifies the key without revealing it; safe to log. */
  readonly fingerprint: string;
  /** `associatedData` (e.g. the row's key) is authenticated, not stored: decrypt must be given the same. */
  encrypt(plaintext: string, associatedData?: string): string;
  decrypt(ciphertext: string, associatedData?: string): string;
}

export type TokenCipherErrorCode = 'wrong_key' | 'damaged' | 'unsupported_format';

export class TokenCipherError extends Error {
  constructor(
    readonly code: TokenCipherErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TokenCipherError';
  }
}

const VERSION = 'v1';
const _KEY_BYTES = 32;
// 12 bytes is GCM's native nonce size; random nonces are safe for far more than 2^32 messages per key.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters plus one '=' of padding; url-safe alphabet and no padding are accepted too.
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=?$|^[A-Za-z0-9_-]{43}$/;

/**
 * The 32-byte key in `text` (hex, or base64 as `openssl rand -base64 32` prints it), or a problem
 * phrase to follow the variable's name ("ENCRYPTION_KEY " + problem). Pure: config validation uses it.
 */
export function parseEncryptionKey(text: string): Buffer | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'is empty; it must be 32 random bytes in base64 or hex (openssl rand -base64 32)';
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64_KEY.test(trimmed))
    return Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  // The length is the one thing about a wrong key worth saying; it reveals nothing useful.
  const looksBase64 = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed);
  const bytes = looksBase64 ? Buffer.from(trimmed, 'base64').length : undefined;
  return bytes === undefined
    ? 'is neither base64 nor hex; it must be 32 random bytes in base64 or hex (openssl rand -base64 32)'
    : `decodes to ${bytes} bytes; it must be 32 random bytes in base64 or hex (openssl rand -base64 32)`;
}

/** Throws when `key` is not 32 bytes in base64 or hex; the message never contains the key. */
export function createTokenCipher(key: string): TokenCipher {
  const parsed = parseEncryptionKey(key);
  if (typeof parsed === 'string') throw new Error(`ENCRYPTION_KEY ${parsed}`);
  const keyBytes = parsed;
  const fingerprint = createHash('sha256').update(keyBytes).digest('hex').slice(0, 8);

  return {
    fingerprint,

    encrypt(plaintext, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyBytes, iv);
      if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}:${fingerprint}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
    },

    decrypt(ciphertext, associatedData) {
      const [version, writtenWith, body, ...rest] = ciphertext.split(':');
      if (version !== VERSION || writtenWith === undefined || body === undefined || rest.length > 0)
        throw new TokenCipherError(
          'unsupported_format',
          'stored token is not in a format this version can read (expected v1:…)',
        );
      if (writtenWith !== fingerprint)
        throw new TokenCipherError(
          'wrong_key',
          `stored token was encrypted with a different ENCRYPTION_KEY (fingerprint ${writtenWith}; the configured key's is ${fingerprint})`,
        );
      const bytes = Buffer.from(body, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new TokenCipherError('damaged', 'stored token is truncated');
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyBytes, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        // Same key, yet authentication failed: the bytes (or the row they were moved to) are not the ones written.
        throw new TokenCipherError(
          'damaged',
          'stored token failed authentication: it was altered, or belongs to another row',
        );
      }
    },
  };
}
