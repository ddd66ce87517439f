// The encrypted copy (issue 19): known answers against Node's own crypto, the round trip, a fresh
// salt and IV per file, tampering and a wrong passphrase told alike, and a hostile file's iterations
// refused before any key is derived (counted: `derive` is a spy, never timed).
import { createCipheriv, createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  envelopePieces,
  headerAad,
  isEncryptedText,
  KDF_ITERATIONS,
  KDF_MAX_ITERATIONS,
  KDF_MIN_ITERATIONS,
  passphraseHint,
  readEnvelope,
} from '../../core/data/encrypted';
import { parseImportFile } from '../../core/data/import';
import {
  type Derive,
  deriveKey,
  deriveKeyBytes,
  encryptBytes,
  encryptFile,
  openEnvelope,
  readExportText,
} from '../../platform/data-crypto';

const PASSPHRASE = 'L\u00f6we, tea and 42 paper boats';
const plainText = readFileSync('tests/fixtures/import/valid-v2.json', 'utf8');
const fixture = readFileSync('tests/fixtures/encrypted/valid-v2.encrypted.json', 'utf8');
const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const SALT = bytes('000102030405060708090a0b0c0d0e0f');
const IV = bytes('a0a1a2a3a4a5a6a7a8a9aaab');
const utf8 = (text: string) => new TextEncoder().encode(text);

// 600,000 rounds take a while; a derive asked twice for the same passphrase, salt and count is
// remembered (the tests that count derives use a spy of their own).
const derived = new Map<string, Promise<CryptoKey>>();
const cachedDerive: Derive = (passphrase, salt, iterations) => {
  const key = `${passphrase}|${bytesToBase64(salt)}|${iterations}`;
  if (!derived.has(key)) derived.set(key, deriveKey(passphrase, salt, iterations));
  return derived.get(key) as Promise<CryptoKey>;
};

async function lock(text: string, passphrase = PASSPHRASE): Promise<string> {
  const { header, ciphertext } = await encryptBytes(utf8(text), passphrase, { derive: cachedDerive });
  return envelopePieces(header, ciphertext).join('');
}

// biome-ignore lint/suspicious/noExplicitAny: a hand-edited file may take any shape at all.
type FileEdit = (file: Record<string, any>) => void;

/** The envelope with one header value changed by `edit`, its data kept as it was. */
function withHeader(text: string, edit: FileEdit): string {
  const file = JSON.parse(text);
  edit(file);
  return JSON.stringify(file, null, 2);
}

describe('the key (PBKDF2-HMAC-SHA256)', () => {
  it('is the known answer for the fixture’s passphrase, salt and 600,000 iterations', async () => {
    // Computed by tests/fixtures/encrypted/make.mjs with Node's pbkdf2Sync.
    const key = await deriveKeyBytes(PASSPHRASE, SALT, 600_000);
    expect(Buffer.from(key).toString('hex')).toBe(
      '3146a08248d4918ece1768d23a639395db9a3ec999e39378ea5cb3c849063d03',
    );
  });

  it('matches Node’s own PBKDF2 for another passphrase and salt', async () => {
    const salt = bytes('f0e1d2c3b4a5968778695a4b3c2d1e0f');
    const key = await deriveKeyBytes('correct horse battery staple', salt, KDF_ITERATIONS);
    const expected = pbkdf2Sync('correct horse battery staple', salt, KDF_ITERATIONS, 32, 'sha256');
    expect(Buffer.from(key).toString('hex')).toBe(expected.toString('hex'));
  });

  it('is the same for a passphrase typed precomposed or decomposed (NFC)', async () => {
    const salt = bytes('00112233445566778899aabbccddeeff');
    const composed = await deriveKeyBytes('L\u00f6we', salt, 1_000);
    const decomposed = await deriveKeyBytes('Lo\u0308we', salt, 1_000);
    expect(Buffer.from(decomposed).toString('hex')).toBe(Buffer.from(composed).toString('hex'));
  });
});

describe('encrypting (AES-256-GCM, header as additional data)', () => {
  it('makes exactly what Node’s AES-GCM makes with the same key, IV and header', async () => {
    const { header, ciphertext } = await encryptBytes(utf8(plainText), PASSPHRASE, {
      salt: SALT,
      iv: IV,
      derive: cachedDerive,
    });
    // The header's authenticated form, spelled out: a change to it is a change of format.
    expect(new TextDecoder().decode(headerAad(header))).toBe(
      '{"format":"outlet-encrypted","version":1,"kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"AAECAwQFBgcICQoLDA0ODw=="},"cipher":{"name":"AES-GCM","length":256,"iv":"oKGio6Slpqeoqaqr"}}',
    );
    const key = pbkdf2Sync(PASSPHRASE, SALT, 600_000, 32, 'sha256');
    const cipher = createCipheriv('aes-256-gcm', key, IV);
    cipher.setAAD(headerAad(header));
    const expected = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    expect(Buffer.from(ciphertext).toString('hex')).toBe(expected.toString('hex'));
    // And the committed fixture (written by Node alone) is that very file.
    expect(envelopePieces(header, ciphertext).join('')).toBe(fixture);
  });

  it('gives every file a fresh salt and IV, so two copies of the same data differ', async () => {
    const a = readEnvelope(await lock(plainText));
    const b = readEnvelope(await lock(plainText));
    if (!a.ok || !b.ok) throw new Error('not an envelope');
    expect(a.envelope.header.kdf.salt).not.toBe(b.envelope.header.kdf.salt);
    expect(a.envelope.header.cipher.iv).not.toBe(b.envelope.header.cipher.iv);
    expect(a.envelope.salt).toHaveLength(16);
    expect(a.envelope.iv).toHaveLength(12);
    expect(bytesToBase64(a.envelope.data)).not.toBe(bytesToBase64(b.envelope.data));
  });

  it('uses at least 600,000 iterations, and Node can open what it made', async () => {
    const text = await lock(plainText);
    const read = readEnvelope(text);
    if (!read.ok) throw new Error(read.problem);
    const { header, salt, iv, data } = read.envelope;
    expect(header.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const key = pbkdf2Sync(PASSPHRASE, salt, header.kdf.iterations, 32, 'sha256');
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(headerAad(header));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    expect(plain.toString('utf8')).toBe(plainText);
  });

  it('encrypts a file (a Blob) into an envelope the import recognises', async () => {
    const blob = await encryptFile(new Blob([plainText]), 'a passphrase of mine');
    const text = await blob.text();
    expect(isEncryptedText(text)).toBe(true);
    expect(text).not.toContain('"checkIns"');
    const result = await readExportText(text, 'a passphrase of mine');
    expect(result).toEqual(parseImportFile(plainText));
  });
});

describe('opening a copy (the import)', () => {
  it('opens the committed fixture made by Node into the same data as the plain file', async () => {
    const result = await readExportText(fixture, PASSPHRASE, { derive: cachedDerive });
    expect(result.ok).toBe(true);
    expect(result).toEqual(parseImportFile(plainText));
  });

  it('round-trips a file with every kind of character', async () => {
    const plain = JSON.parse(plainText);
    plain.checkIns[0].journal = 'Tea 🍵, “quotes”, مرحبا, 日本語, a\nsecond line';
    const text = `${JSON.stringify(plain, null, 2)}\n`;
    const opened = await openEnvelope(await lock(text), PASSPHRASE, { derive: cachedDerive });
    expect(opened).toEqual({ ok: true, text });
  });

  it('asks for the passphrase, and says nothing else, before one is given', async () => {
    const result = await readExportText(fixture);
    expect(result).toMatchObject({ ok: false, problems: [{ what: 'crypto-locked' }] });
    // The parser alone (the page's fallback without the opener) says the same.
    expect(parseImportFile(fixture)).toMatchObject({ ok: false, problems: [{ what: 'crypto-locked' }] });
  });

  it('refuses a wrong passphrase with the one message, and one that differs only in case', async () => {
    for (const wrong of ['not the passphrase', PASSPHRASE.toUpperCase(), `${PASSPHRASE} `]) {
      const result = await readExportText(fixture, wrong, { derive: cachedDerive });
      expect(result).toEqual({
        ok: false,
        problems: [{ where: 'the file', what: 'crypto-wrong', place: { section: 'file' } }],
        more: 0,
      });
    }
  });

  const flip = (base64: string, at: number) => {
    const data = base64ToBytes(base64);
    data[at] = (data[at] ?? 0) ^ 1;
    return bytesToBase64(data);
  };

  it.each<[string, FileEdit]>([
    ['a byte of the ciphertext', (file) => (file.data = flip(file.data, 10))],
    ['a byte of the tag', (file) => (file.data = flip(file.data, base64ToBytes(file.data).length - 1))],
    ['the ciphertext cut short', (file) => (file.data = file.data.slice(0, -8))],
    ['the iterations (more, within bounds)', (file) => (file.kdf.iterations = 600_001)],
    ['the salt', (file) => (file.kdf.salt = flip(file.kdf.salt, 0))],
    ['the IV', (file) => (file.cipher.iv = flip(file.cipher.iv, 0))],
    ['the IV cut short', (file) => (file.cipher.iv = 'oKGio6Slpqeo')],
    ['an unknown field in the header', (file) => (file.kdf.note = 'hi')],
    ['the cipher', (file) => (file.cipher.name = 'AES-CBC')],
    ['the hash', (file) => (file.kdf.hash = 'SHA-1')],
    ['the data as a number', (file) => (file.data = 42)],
  ])('refuses a file when %s was changed, with the one message', async (_what, edit) => {
    const result = await readExportText(withHeader(fixture, edit), PASSPHRASE, { derive: cachedDerive });
    expect(result).toMatchObject({ ok: false, problems: [{ what: 'crypto-wrong' }] });
  });

  it.each([
    [1, 'crypto-kdf-weak'],
    [0, 'crypto-kdf-weak'],
    [-600_000, 'crypto-kdf-weak'],
    [KDF_MIN_ITERATIONS - 1, 'crypto-kdf-weak'],
    ['600000', 'crypto-kdf-weak'],
    [null, 'crypto-kdf-weak'],
    [KDF_MAX_ITERATIONS + 1, 'crypto-kdf-slow'],
    [1e12, 'crypto-kdf-slow'],
    [1e308, 'crypto-kdf-slow'],
  ])(
    'refuses %s iterations at once: no key is derived, with or without a passphrase',
    async (iterations, code) => {
      const derive = vi.fn(deriveKey);
      const hostile = withHeader(fixture, (file) => (file.kdf.iterations = iterations));
      for (const passphrase of [undefined, PASSPHRASE]) {
        const result = await readExportText(hostile, passphrase, { derive });
        expect(result).toMatchObject({ ok: false, problems: [{ what: code }] });
      }
      expect(derive).not.toHaveBeenCalled();
    },
  );

  it('derives exactly once for a sound file, with the file’s own iterations', async () => {
    const derive = vi.fn(cachedDerive);
    await readExportText(fixture, PASSPHRASE, { derive });
    expect(derive).toHaveBeenCalledTimes(1);
    expect(derive.mock.calls[0]?.[2]).toBe(600_000);
  });

  it('refuses a file from a newer Outlet with the plain file’s words', async () => {
    const derive = vi.fn(deriveKey);
    const newer = withHeader(fixture, (file) => (file.version = 2));
    const result = await readExportText(newer, PASSPHRASE, { derive });
    expect(result).toMatchObject({ ok: false, problems: [{ what: 'future-version' }] });
    expect(derive).not.toHaveBeenCalled();
  });

  it('reads a plain file as before', async () => {
    expect(await readExportText(plainText, 'ignored')).toEqual(parseImportFile(plainText));
  });
});

describe('passphraseHint', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['cat', 'short'],
    ['tea4two', 'short'],
    ['blue moon', 'fair'],
    ['Löwe, tea', 'fair'],
    ['fifteen letters', 'fair'],
    ['sixteen letters!', 'strong'],
    ['red owl tea sky', 'strong'],
    ['静かな朝の紅茶と青い海と風の音', 'fair'],
  ])('“%s” is %s', (passphrase, hint) => {
    expect(passphraseHint(passphrase)).toBe(hint);
  });
});

describe('a big encrypted copy', () => {
  // Found by the bench: a 10 MB copy (20,000 check-ins) overflowed the stack of the regular
  // expression that checked its base64, so the import failed before asking for the passphrase.
  it('is read without overflowing the stack, and decodes whole', () => {
    const data = new Uint8Array(10_200_000).map((_, i) => i * 7);
    const read = readEnvelope(envelopePieces(JSON.parse(fixture), data).join(''));
    expect(read.ok).toBe(true);
    if (read.ok) expect(Buffer.from(read.envelope.data).equals(Buffer.from(data))).toBe(true);
  });
});
