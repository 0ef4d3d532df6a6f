/**
 * The runner reads at most 8 MiB of one answer: an endless body from the API or the token
 * endpoint is cancelled and reported, instead of filling memory until the deadline.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES, readCapped, toExchange } from '../../src/conformance/exchange.js';
import { obtainToken, TokenEndpointError } from '../../src/conformance/token.js';

/** A body of 64 KiB chunks that never ends; `state` tells how much was pulled and if it was cancelled. */
function endless(state = { pulled: 0, cancelled: false }): Response {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/json' } });
}

describe('the answer cap of the conformance runner', () => {
  it('refuses an endless API answer past 8 MiB and cancels it', async () => {
    const state = { pulled: 0, cancelled: false };
    const request = { method: 'GET', url: 'http://127.0.0.1/partner/pass', authorized: true };
    await expect(toExchange(request, endless(state))).rejects.toThrow(
      `the answer is longer than ${MAX_ANSWER_BYTES} bytes`,
    );
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(MAX_ANSWER_BYTES + 256 * 1024);
  });

  it('keeps every byte of an answer up to the cap, and an empty body as no bytes', async () => {
    const exact = new Uint8Array(1000).fill(7);
    expect(await readCapped(new Response(exact), 1000)).toEqual(exact);
    await expect(readCapped(new Response(new Uint8Array(1001)), 1000)).rejects.toThrow(
      'longer than 1000 bytes',
    );
    expect(await readCapped(new Response(null))).toEqual(new Uint8Array(0));
  });

  it('reports an endless token answer as a token endpoint that did not answer', async () => {
    const state = { pulled: 0, cancelled: false };
    const settings = {
      tokenUrl: 'http://127.0.0.1:9/oauth/token',
      clientId: 'id',
      clientSecret: 'conformance-secret',
      audience: 'https://api.civic.com',
      method: 'client_secret_post' as const,
    };
    const error = await obtainToken(async () => endless(state), settings, 5_000).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect((error as Error).message).toContain('longer than 8388608 bytes');
    expect((error as Error).message).not.toContain('conformance-secret');
    expect(state.cancelled).toBe(true);
  });
});
