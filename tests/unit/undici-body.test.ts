import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError } from '../../src/response.js';
import { codingsOf, readBody } from '../../src/undici-body.js';

const text = 'hello, '.repeat(50);

describe('codingsOf: the codings to undo, last applied first', () => {
  it('reads the header', () => {
    expect(codingsOf(undefined)).toEqual([]);
    expect(codingsOf('')).toEqual([]);
    expect(codingsOf('identity')).toEqual([]);
    expect(codingsOf(' GZIP , br ')).toEqual(['br', 'gzip']);
    expect(codingsOf('x-gzip,,deflate')).toEqual(['deflate', 'gzip']);
    expect(codingsOf('gzip, zstd')).toBeUndefined();
  });

  it('allows five codings, refuses six', () => {
    expect(codingsOf(Array(5).fill('gzip').join(','))).toHaveLength(5);
    expect(() => codingsOf(Array(6).fill('gzip').join(','))).toThrow(
      'the answer is encoded 6 times (gzip,gzip,gzip,gzip,gzip,gzip); at most 5',
    );
  });
});

describe('readBody', () => {
  const from = (...chunks: Buffer[]) => Readable.from(chunks);
  it('reads a plain body in one or several chunks, up to the limit exactly', async () => {
    const bytes = Buffer.from(text);
    expect((await readBody(from(bytes), [], bytes.length)).toString()).toBe(text);
    const two = [bytes.subarray(0, 10), bytes.subarray(10)];
    expect((await readBody(from(...two), [], bytes.length)).toString()).toBe(text);
    await expect(readBody(from(bytes), [], bytes.length - 1)).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
    expect((await readBody(from(), [], 10)).length).toBe(0);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ] as const)(
    'decodes %s (%o), counting decoded bytes against the limit',
    async (coding, encode) => {
      const encoded = encode(Buffer.from(text));
      expect((await readBody(from(encoded), [coding], text.length)).toString()).toBe(text);
      await expect(readBody(from(encoded), [coding], text.length - 1)).rejects.toBeInstanceOf(
        BodyTooLargeError,
      );
    },
  );

  it('tells zlib-wrapped deflate from raw by the first byte of the body only', async () => {
    // Header "deflate, gzip": gzip undone first; the deflate under it is zlib-wrapped, though
    // the body's first byte (gzip's 0x1f) would say raw.
    const encoded = gzipSync(deflateSync(Buffer.from(text)));
    expect((await readBody(from(encoded), ['gzip', 'deflate'], 1_000)).toString()).toBe(text);
  });

  it('keeps what a brotli or gzip body cut short decoded to, as fetch does', async () => {
    const cut = Buffer.from('izsA+I2Ubt5EVYaWIGxvNUtitUAGVNtgAA==', 'base64');
    expect((await readBody(from(cut), ['br'], 1_000)).toString()).toBe('hello world '.repeat(10));
    // A larger one, cut mid-stream: the default brotli options would fail it (Z_BUF_ERROR),
    // and zlib's defaults a gzip body cut the same way ("unexpected end of file").
    const whole = Buffer.from(JSON.stringify(Array.from({ length: 2000 }, (_, id) => ({ id }))));
    const gzipped = gzipSync(whole);
    const gzipPart = await readBody(
      from(gzipped.subarray(0, Math.floor(gzipped.length * 0.7))),
      ['gzip'],
      1 << 20,
    );
    expect(gzipPart.length).toBeGreaterThan(0);
    expect(whole.subarray(0, gzipPart.length).equals(gzipPart)).toBe(true);
    const encoded = brotliCompressSync(whole);
    const part = await readBody(
      from(encoded.subarray(0, Math.floor(encoded.length * 0.7))),
      ['br'],
      1 << 20,
    );
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThan(whole.length);
    expect(whole.subarray(0, part.length).equals(part)).toBe(true);
  });

  it('undoes several codings in order, and an empty encoded body is empty', async () => {
    const encoded = brotliCompressSync(gzipSync(Buffer.from(text)));
    expect((await readBody(from(encoded), ['br', 'gzip'], 1_000)).toString()).toBe(text);
    expect((await readBody(from(), ['gzip'], 10)).length).toBe(0);
  });

  it('rejects with the error of a corrupt body or of the stream, and destroys the body', async () => {
    const corrupt = from(Buffer.from('not gzip at all'));
    await expect(readBody(corrupt, ['gzip'], 1_000)).rejects.toThrow();
    expect(corrupt.destroyed).toBe(true);
    const broken = new Readable({ read() {} });
    const reading = readBody(broken, [], 1_000);
    broken.destroy(new Error('reset'));
    await expect(reading).rejects.toThrow('reset');
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(64));
      },
    });
    await expect(readBody(endless, [], 1_000)).rejects.toEqual(new BodyTooLargeError(1_000));
    expect(endless.destroyed).toBe(true);
  });
});
