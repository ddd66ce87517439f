// The encrypted copy's envelope: a JSON file whose header says how it was locked (PBKDF2-SHA256 with
// its iterations and salt, AES-256-GCM with its IV) and whose `data` is the plain export, encrypted.
// Pure: no key is derived and nothing is decrypted here (platform/data-crypto.ts does, with WebCrypto);
// this file writes the header, reads it back and refuses a hostile one before any work is done.
//
// The header is authenticated: its canonical form (`headerAad`, rebuilt from the checked values in a
// fixed order) is the GCM additional data, so changing any of it (fewer iterations, another salt)
// makes the file fail to open exactly like a wrong passphrase. Strict objects refuse unknown fields.
//
// Why JSON with base64 rather than bytes: the file stays recognisable and safe to mail or sync as
// text, and the same picker and worker read it; the cost is a third more bytes (Bitwarden's and
// Standard Notes' password-protected exports make the same choice).
import * as v from 'valibot';

export const ENCRYPTED_FORMAT = 'outlet-encrypted';
export const ENCRYPTED_VERSION = 1;

/** What a new file uses: OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
export const KDF_ITERATIONS = 600_000;
/** Fewer is refused: a hostile or careless file can't make a copy cheap to guess. */
export const KDF_MIN_ITERATIONS = 600_000;
/**
 * More is refused: a hostile file can't keep the page deriving for minutes (10^12 iterations would
 * take days). Eight times today's figure leaves room for a later Outlet to raise it.
 */
export const KDF_MAX_ITERATIONS = 5_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
/** AES-GCM's tag, at the end of the ciphertext (WebCrypto's layout). */
export const TAG_BYTES = 16;

// A character class with a star, and the length apart: a group repeated per 4 characters overflowed
// the regular expression's stack on a 10 MB copy (tests/unit/encrypted.test.ts, "a big encrypted copy").
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64.test(text);
const base64Of = (bytes: number) => v.pipe(v.string(), v.length(Math.ceil(bytes / 3) * 4), v.check(isBase64));

const KdfSchema = v.strictObject({
  name: v.literal('PBKDF2'),
  hash: v.literal('SHA-256'),
  // Bounds are checked apart (readEnvelope), so a file past them is named as such, not as damaged.
  iterations: v.pipe(v.number(), v.integer()),
  salt: base64Of(SALT_BYTES),
});

const CipherSchema = v.strictObject({
  name: v.literal('AES-GCM'),
  length: v.literal(256),
  iv: base64Of(IV_BYTES),
});

export const EnvelopeHeaderSchema = v.strictObject({
  format: v.literal(ENCRYPTED_FORMAT),
  version: v.literal(ENCRYPTED_VERSION),
  kdf: KdfSchema,
  cipher: CipherSchema,
});
export type EnvelopeHeader = v.InferOutput<typeof EnvelopeHeaderSchema>;

const EnvelopeSchema = v.strictObject({
  ...EnvelopeHeaderSchema.entries,
  data: v.pipe(v.string(), v.minLength(Math.ceil(TAG_BYTES / 3) * 4), v.check(isBase64)),
});

/** Why an envelope wasn't opened; every one of them is told before a key is derived. */
export type EnvelopeProblem =
  /** Fewer iterations than KDF_MIN_ITERATIONS (or none). */
  | 'kdf-weak'
  /** More than KDF_MAX_ITERATIONS. */
  | 'kdf-slow'
  /** Written by a newer Outlet. */
  | 'future-version'
  /** Not a sound envelope: a field missing, unknown, of the wrong size or kind. */
  | 'damaged';

export interface OpenableEnvelope {
  header: EnvelopeHeader;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  /** The ciphertext with its tag. */
  data: Uint8Array<ArrayBuffer>;
  /** The header as authenticated: GCM's additional data. */
  aad: Uint8Array<ArrayBuffer>;
}

export type EnvelopeRead = { ok: true; envelope: OpenableEnvelope } | { ok: false; problem: EnvelopeProblem };

/**
 * Whether `text` is an encrypted copy (rather than a plain export or another file): its first field
 * says so. Cheap: a file of 90 MB is not parsed to find out.
 */
export function isEncryptedText(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"outlet-encrypted"/.test(text.slice(0, 200));
}

/** The header's canonical form, the bytes GCM authenticates: checked values in a fixed order. */
export function headerAad(header: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  const { kdf, cipher } = header;
  const canonical = {
    format: header.format,
    version: header.version,
    kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: kdf.salt },
    cipher: { name: cipher.name, length: cipher.length, iv: cipher.iv },
  };
  return new TextEncoder().encode(JSON.stringify(canonical));
}

/** A new file's header from its salt and IV (fresh for every file: platform/data-crypto.ts). */
export function newHeader(
  salt: Uint8Array,
  iv: Uint8Array,
  iterations: number = KDF_ITERATIONS,
): EnvelopeHeader {
  return {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: bytesToBase64(iv) },
  };
}

/**
 * The file's text in pieces (to join into one Blob): the header as pretty JSON, then `data`, the
 * ciphertext in base64 a piece at a time, so no string of the whole file is ever built.
 */
export function envelopePieces(header: EnvelopeHeader, ciphertext: Uint8Array): string[] {
  const head = JSON.stringify(header, null, 2);
  return [
    `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "data": "`,
    ...base64Pieces(ciphertext),
    '"\n}\n',
  ];
}

/**
 * Reads and checks an envelope. Everything a hostile file could use is refused here, before any
 * work: the iterations against the floor and the ceiling, the salt's and IV's sizes, unknown fields.
 */
export function readEnvelope(text: string): EnvelopeRead {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    return { ok: false, problem: 'damaged' };
  const file = root as Record<string, unknown>;
  if (typeof file.version === 'number' && Number.isInteger(file.version) && file.version > ENCRYPTED_VERSION)
    return { ok: false, problem: 'future-version' };
  // The iterations first, so a file past either bound hears about that whatever else is wrong with it.
  const kdf = file.kdf as Record<string, unknown> | undefined;
  const iterations = typeof kdf === 'object' && kdf !== null ? kdf.iterations : undefined;
  if (typeof iterations === 'number' && iterations > KDF_MAX_ITERATIONS)
    return { ok: false, problem: 'kdf-slow' };
  if (typeof iterations !== 'number' || !(iterations >= KDF_MIN_ITERATIONS))
    return { ok: false, problem: 'kdf-weak' };
  const parsed = v.safeParse(EnvelopeSchema, file);
  if (!parsed.success) return { ok: false, problem: 'damaged' };
  const { data, ...header } = parsed.output;
  const bytes = base64ToBytes(data);
  if (bytes.length < TAG_BYTES) return { ok: false, problem: 'damaged' };
  return {
    ok: true,
    envelope: {
      header,
      salt: base64ToBytes(header.kdf.salt),
      iv: base64ToBytes(header.cipher.iv),
      data: bytes,
      aad: headerAad(header),
    },
  };
}

/** The strength a passphrase seems to have, for a gentle hint (never a refusal: any passphrase goes). */
export type PassphraseHint = 'empty' | 'short' | 'fair' | 'strong';

/**
 * A rough, kind guess, not a meter: length counts most (in characters, so any script counts alike),
 * and several words count as long. Under 8 characters is short, 8 to 15 fair, 16 or more (or four
 * words of 3 characters or more) strong.
 */
export function passphraseHint(passphrase: string): PassphraseHint {
  const length = [...passphrase.trim()].length;
  if (length === 0) return 'empty';
  const words = passphrase
    .trim()
    .split(/[\s\-_.,]+/)
    .filter((word) => [...word].length >= 3);
  if (length >= 16 || words.length >= 4) return 'strong';
  return length >= 8 ? 'fair' : 'short';
}

// --- base64, a piece at a time (btoa and atob take strings of bytes; a 90 MB one at once is slow) ---

/** Bytes per piece: a multiple of 3, so pieces join without padding inside. */
const PIECE = 3 * 32_768;

export function base64Pieces(bytes: Uint8Array): string[] {
  const pieces: string[] = [];
  for (let from = 0; from < bytes.length; from += PIECE) {
    const slice = bytes.subarray(from, Math.min(from + PIECE, bytes.length));
    let binary = '';
    for (let i = 0; i < slice.length; i += 8_192)
      binary += String.fromCharCode(...slice.subarray(i, Math.min(i + 8_192, slice.length)));
    pieces.push(btoa(binary));
  }
  return pieces;
}

export const bytesToBase64 = (bytes: Uint8Array): string => base64Pieces(bytes).join('');

/** Decodes checked base64 (BASE64 above), a piece at a time. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  const step = (PIECE / 3) * 4;
  let at = 0;
  for (let from = 0; from < text.length; from += step) {
    const binary = atob(text.slice(from, from + step));
    for (let i = 0; i < binary.length; i++) out[at++] = binary.charCodeAt(i);
  }
  return out;
}
