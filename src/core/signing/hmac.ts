// HMAC-SHA256 through WebCrypto (globalThis.crypto.subtle), which Node 20 and every browser
// have: no node:crypto, so the same code signs in the CLI, the panel and the tests.
import { bytesToBase64 } from '../bytes/base64.ts';
import { type SignatureEncoding, SigningInputError } from './types.ts';

const utf8 = new TextEncoder();

/** A signer bound to one secret. The key lives only as long as the caller keeps the signer:
 * nothing is cached at module level, so a secret never outlives the call that needed it. */
export interface HmacSigner {
  digest(message: string): Promise<Uint8Array>;
}

export async function hmacSigner(secret: string): Promise<HmacSigner> {
  // WebCrypto refuses a zero-length HMAC key; say so in the user's words.
  if (secret === '') throw new SigningInputError('the secret is empty');
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    utf8.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return {
    digest: async (message) =>
      new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, utf8.encode(message))),
  };
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function encodeDigest(bytes: Uint8Array, encoding: SignatureEncoding): string {
  return encoding === 'hex' ? toHex(bytes) : bytesToBase64(bytes);
}

/** Whether a sent signature is this digest in this encoding. Hex compares without case:
 * Binance documents HMAC signatures as case-insensitive, and no recipe here relies on case. */
export function sameSignature(sent: string, expected: string, encoding: SignatureEncoding) {
  const trimmed = sent.trim();
  return encoding === 'hex' ? trimmed.toLowerCase() === expected : trimmed === expected;
}

/** HMAC-SHA256 of one message, encoded: the whole signing step of every recipe. */
export async function hmacSha256(
  secret: string,
  message: string,
  encoding: SignatureEncoding,
): Promise<string> {
  const signer = await hmacSigner(secret);
  return encodeDigest(await signer.digest(message), encoding);
}
