// The encrypted copy's cryptography, through WebCrypto only (no library): PBKDF2-SHA256 turns the
// passphrase into an AES-256-GCM key, with a fresh random salt and IV for every file. The envelope
// (its header, bounds and layout) is core/data/encrypted.ts; this file derives, encrypts, decrypts.
// It runs in the data worker (platform/data-worker.ts) and, where no worker can start, on the page:
// `crypto.subtle` is in both, and neither needs `browser.*`.
import {
  type EnvelopeHeader,
  type EnvelopeProblem,
  envelopePieces,
  headerAad,
  IV_BYTES,
  isEncryptedText,
  KDF_ITERATIONS,
  newHeader,
  type OpenableEnvelope,
  readEnvelope,
  SALT_BYTES,
} from '../core/data/encrypted';
import {
  DEFAULT_MAX_BYTES,
  type ImportProblem,
  type ImportResult,
  type ProblemCode,
  parseImportFile,
} from '../core/data/import';

/**
 * The AES key for `passphrase`. NFC first, so the same passphrase typed on a Mac (which may send
 * decomposed accents) and elsewhere gives the same key.
 */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const bits = await deriveKeyBytes(passphrase, salt, iterations);
  return crypto.subtle.importKey('raw', bits, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** PBKDF2-HMAC-SHA256 of the passphrase, 32 bytes: the raw key (tests compare it with Node's own). */
export async function deriveKeyBytes(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const secret = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    secret,
    256,
  );
  return new Uint8Array(bits);
}

export type Derive = typeof deriveKey;

export interface Encrypted {
  header: EnvelopeHeader;
  /** The ciphertext with GCM's tag at its end. */
  ciphertext: Uint8Array<ArrayBuffer>;
}

/**
 * Encrypts `plain` under `passphrase`. The salt and IV are fresh random bytes unless given (tests
 * give fixed ones for known answers); a key is never used for a second file, so an IV never repeats
 * under one key.
 */
export async function encryptBytes(
  plain: Uint8Array<ArrayBuffer>,
  passphrase: string,
  {
    salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
    iv = crypto.getRandomValues(new Uint8Array(IV_BYTES)),
    iterations = KDF_ITERATIONS,
    derive = deriveKey,
  }: {
    salt?: Uint8Array<ArrayBuffer>;
    iv?: Uint8Array<ArrayBuffer>;
    iterations?: number;
    derive?: Derive;
  } = {},
): Promise<Encrypted> {
  const header = newHeader(salt, iv, iterations);
  const key = await derive(passphrase, salt, iterations);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: headerAad(header), tagLength: 128 },
    key,
    plain,
  );
  return { header, ciphertext: new Uint8Array(ciphertext) };
}

/** An encrypted copy of an export file: the envelope's text, as a Blob made of pieces. */
export async function encryptFile(file: Blob, passphrase: string): Promise<Blob> {
  const plain = new Uint8Array(await file.arrayBuffer());
  const { header, ciphertext } = await encryptBytes(plain, passphrase);
  return new Blob(envelopePieces(header, ciphertext), { type: 'application/json' });
}

/** Why a copy didn't open: a problem of the envelope, or `wrong` (the passphrase, or a changed file). */
export type OpenProblem = EnvelopeProblem | 'wrong';

/**
 * The plain text of an encrypted copy. A wrong passphrase and a file changed anywhere (header or
 * data) are one and the same `wrong`: GCM can't tell them apart, and neither need the person.
 * The header is checked before a key is derived: `derive` never runs for a file past the bounds.
 */
export async function openEnvelope(
  text: string,
  passphrase: string,
  options: { derive?: Derive } = {},
): Promise<{ ok: true; text: string } | { ok: false; problem: OpenProblem }> {
  const read = readEnvelope(text);
  if (!read.ok) return read;
  return openRead(read.envelope, passphrase, options);
}

async function openRead(
  { salt, iv, data, aad, header }: OpenableEnvelope,
  passphrase: string,
  { derive = deriveKey }: { derive?: Derive },
): Promise<{ ok: true; text: string } | { ok: false; problem: OpenProblem }> {
  const key = await derive(passphrase, salt, header.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 },
      key,
      data,
    );
  } catch {
    return { ok: false, problem: 'wrong' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    // Authentic but not text: not something Outlet wrote.
    return { ok: false, problem: 'damaged' };
  }
}

const OPEN_CODES: Record<OpenProblem, ProblemCode> = {
  wrong: 'crypto-wrong',
  damaged: 'crypto-wrong',
  'kdf-weak': 'crypto-kdf-weak',
  'kdf-slow': 'crypto-kdf-slow',
  'future-version': 'future-version',
};

const refusal = (what: ProblemCode): ImportResult => {
  const problem: ImportProblem = { where: 'the file', what, place: { section: 'file' } };
  return { ok: false, problems: [problem], more: 0 };
};

/**
 * An export file's text, read the one way whether plain or encrypted: a plain file goes to the
 * parser; an encrypted one asks for its passphrase (`crypto-locked`), is opened with it, then goes to
 * the same parser, so it is checked and merged exactly like the plain file.
 */
export async function readExportText(
  text: string,
  passphrase?: string,
  options: { derive?: Derive } = {},
): Promise<ImportResult> {
  if (!isEncryptedText(text)) return parseImportFile(text);
  // Base64 takes a third more room than the file it holds.
  if (text.length > Math.ceil((DEFAULT_MAX_BYTES * 4) / 3) + 4_096) return refusal('too-big');
  // A file past the bounds is refused before the passphrase is even asked for.
  const read = readEnvelope(text);
  if (!read.ok) return refusal(OPEN_CODES[read.problem]);
  if (passphrase === undefined) return refusal('crypto-locked');
  const opened = await openRead(read.envelope, passphrase, options);
  if (!opened.ok) return refusal(OPEN_CODES[opened.problem]);
  return parseImportFile(opened.text);
}
