/**
 * Reading an answer's body on the undici path: `undici.request` neither asks for nor decodes
 * compressed answers, so the sender asks for gzip, deflate and br and decodes here, streaming,
 * counting the decoded bytes against a cap. At the cap the body is destroyed (the connection
 * closes): an endless body or a gzip bomb costs at most the cap and one zlib chunk, never a
 * drain. Node only (node:zlib); loaded with the undici sender.
 */
import type { Readable } from 'node:stream';
import {
  type BrotliDecompress,
  constants,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  type Gunzip,
  type Inflate,
  type InflateRaw,
} from 'node:zlib';
import { BodyTooLargeError } from './response.js';

type Decoder = Gunzip | Inflate | InflateRaw | BrotliDecompress;

/** What the sender asks for: the codings this file decodes. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** More codings than this on one answer is an attack, not a configuration (fetch's limit too). */
const MAX_CODINGS = 5;

// Lenient as fetch is: a body cut short after a complete block still yields what was decoded.
const ZLIB_OPTIONS = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = {
  flush: constants.BROTLI_OPERATION_FLUSH,
  finishFlush: constants.BROTLI_OPERATION_FLUSH,
};

/**
 * The codings of a `Content-Encoding` value in the order they must be undone (last applied
 * first), `identity` left out; `undefined` when one of them is not gzip, deflate or br: such a
 * body is returned as it came, as fetch does.
 *
 * @example
 * ```ts
 * codingsOf('gzip, br'); // ['br', 'gzip']
 * ```
 */
export function codingsOf(header: string | undefined): string[] | undefined {
  // An empty value splits into one empty part, skipped below.
  if (header === undefined) return [];
  const codings: string[] = [];
  for (const part of header.split(',')) {
    const coding = part.trim().toLowerCase();
    if (coding === '' || coding === 'identity') continue;
    if (coding === 'gzip' || coding === 'x-gzip') codings.push('gzip');
    else if (coding === 'deflate' || coding === 'br') codings.push(coding);
    else return undefined;
  }
  if (codings.length > MAX_CODINGS) {
    throw new Error(
      `the answer is encoded ${codings.length} times (${header}); at most ${MAX_CODINGS}`,
    );
  }
  return codings.reverse();
}

function decoderFor(coding: string, firstByte: number | undefined): Decoder {
  if (coding === 'gzip') return createGunzip(ZLIB_OPTIONS);
  if (coding === 'br') return createBrotliDecompress(BROTLI_OPTIONS);
  // "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send it raw; the wrapper
  // starts with a CMF byte whose low nibble is 8 (the deflate method).
  return firstByte === undefined || (firstByte & 0x0f) === 0x08
    ? createInflate(ZLIB_OPTIONS)
    : createInflateRaw(ZLIB_OPTIONS);
}

/**
 * Reads `body` whole, undoing `codings` (from {@link codingsOf}), and rejects with a
 * {@link BodyTooLargeError} as soon as more than `limit` decoded bytes have come, destroying the
 * body and the decoders. An error of the body (an abort, a dropped connection) or of a decoder
 * (corrupt data) rejects with that error. The bytes come in a Buffer that owns its whole
 * `ArrayBuffer` (never a pooled one), so `bytes.buffer` can be handed on without a copy.
 *
 * @example
 * ```ts
 * const bytes = await readBody(response.body, codingsOf(response.headers['content-encoding']) ?? [], 1 << 20);
 * ```
 */
export function readBody(body: Readable, codings: string[], limit: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let decoders: Decoder[] = [];

    // A promise settles once, so a second `fail` or a `finish` after it changes nothing; and
    // once the size is over the limit, every later chunk is over it too and is not kept.
    const fail = (error: unknown) => {
      body.destroy();
      for (const decoder of decoders) decoder.destroy();
      reject(error);
    };
    // One copy, into memory of its own: the chunks are joined where the answer will live.
    const finish = () => {
      const bytes = Buffer.from(new ArrayBuffer(size));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    };
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(new BodyTooLargeError(limit));
      chunks.push(chunk);
    };

    body.on('error', fail);
    if (codings.length === 0) {
      body.on('data', collect);
      body.on('end', finish);
      return;
    }
    // The decoders are made at the first chunk, which tells raw deflate from zlib-wrapped; an
    // empty encoded body (a HEAD, a 204) decodes to nothing.
    body.once('data', (first: Buffer) => {
      decoders = codings.map((coding, i) => decoderFor(coding, i === 0 ? first[0] : undefined));
      let source: NodeJS.ReadableStream = body;
      for (const decoder of decoders) {
        decoder.on('error', fail);
        source = source.pipe(decoder);
      }
      const last = decoders[decoders.length - 1] as Decoder;
      last.on('data', collect);
      last.on('end', finish);
      (decoders[0] as Decoder).write(first);
    });
    body.on('end', () => {
      if (decoders.length === 0) finish();
    });
  });
}
