/**
 * Hostile steps for the scripted server (tests/support/scripted-server.ts): endless bodies,
 * decompression bombs, stalls after the headers, redirects; and one place that closes every
 * server a test started.
 */
import { gzipSync } from 'node:zlib';
import { afterEach } from 'vitest';
import { type ScriptedServer, type Step, scriptedServer } from '../support/scripted-server.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** Starts a scripted server closed after the test. */
export async function server(
  script: Parameters<typeof scriptedServer>[0],
): Promise<ScriptedServer> {
  const started = await scriptedServer(script);
  open.push(started);
  return started;
}

/** Registers anything with `close()` to be closed after the test. */
export function closeAfter<T extends { close(): Promise<void> }>(thing: T): T {
  open.push(thing);
  return thing;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x20);

/**
 * A 200 whose body never ends (chunked, no Content-Length), written as fast as the client
 * takes it; `sent` counts the bytes that went out.
 */
export function endless(contentType = 'application/json', sent = { bytes: 0 }): Step {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType });
    const pump = () => {
      while (!response.destroyed && response.write(CHUNK)) sent.bytes += CHUNK.length;
      if (!response.destroyed) response.once('drain', pump);
    };
    response.on('error', () => {});
    pump();
  };
}

/** `size` bytes of spaces gzipped once (16 MiB → about 16 KiB): a decompression bomb. */
export function gzipBomb(size = 16 * 1024 * 1024): Buffer {
  return gzipSync(Buffer.alloc(size, 0x20), { level: 9 });
}

/** A 200 with a gzip body that expands far beyond its own size. */
export function bomb(compressed: Buffer): Step {
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': compressed.length,
    });
    response.on('error', () => {});
    response.end(compressed);
  };
}

/**
 * A gzip body that never ends: gzip members of 1 MiB of spaces each (about 1 KiB on the wire),
 * one after another, as fast as the client reads. Whoever inflates it all before checking the
 * size never finishes; `sent` counts the compressed bytes written.
 */
export function endlessBomb(sent = { bytes: 0 }): Step {
  const member = gzipBomb(1024 * 1024);
  const burst = Buffer.concat(Array.from({ length: 64 }, () => member));
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    const pump = () => {
      while (!response.destroyed && response.write(burst)) sent.bytes += burst.length;
      if (!response.destroyed) response.once('drain', pump);
    };
    response.on('error', () => {});
    pump();
  };
}

/** Headers at once, then a body that never comes (one byte, then silence). */
export function stallAfterHeaders(contentType = 'application/json'): Step {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType });
    response.write('{');
  };
}

/** A redirect to `location`. */
export function redirect(status: number, location: string): Step {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}
