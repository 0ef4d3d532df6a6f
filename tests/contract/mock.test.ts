/**
 * The mock tooling itself (src/testing): Prism as the globalSetup started it, Prism failing to
 * start, and the local token endpoint.
 */
import { describe, expect, inject, it } from 'vitest';
import {
  PrismStartError,
  prismArguments,
  startPrism,
  startTokenServer,
} from '../../src/testing/index.js';

const env = inject('contract');

describe('Prism, as started by the globalSetup', () => {
  it('listens on a loopback port and mocks the spec', async () => {
    expect(env.staticUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.dynamicUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.dynamicUrl).not.toBe(env.staticUrl);
    const response = await fetch(`${env.staticUrl}/pass`, {
      method: 'POST',
      headers: { authorization: 'Bearer anything', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
  });
});

describe('startPrism', () => {
  it('builds the documented command line, static and dynamic', () => {
    expect(prismArguments({ spec: 'a.yaml' })).toEqual([
      'mock',
      'a.yaml',
      '--errors',
      '-h',
      '127.0.0.1',
      '-p',
      '0',
    ]);
    expect(prismArguments({ spec: 'a.yaml', seed: 7, port: 4010 })).toEqual([
      'mock',
      'a.yaml',
      '--errors',
      '-h',
      '127.0.0.1',
      '-p',
      '4010',
      '-d',
      '--seed',
      '7',
    ]);
  });

  // A Prism that exits on a broken document: tests/slow/prism-start.test.ts (3 s of CPU).

  it('gives up after the bounded wait, and stops the process it started', async () => {
    const error = await startPrism({ startTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as Error).message).toMatch(/prism was not listening after 1 ms/);
  });
});

describe('startTokenServer', () => {
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  it('issues a fresh bearer token per request, for client_secret_post (form and JSON)', async () => {
    const tokens = await startTokenServer({ expiresIn: 600 });
    try {
      const grant = {
        grant_type: 'client_credentials',
        audience: 'https://api.civic.com/pass',
        client_id: tokens.clientId,
        client_secret: tokens.clientSecret,
      };
      const first = await fetch(tokens.url, form(grant));
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const body = await first.json();
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
      const second = await fetch(tokens.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(grant),
      });
      expect(second.status).toBe(200);
      expect((await second.json()).access_token).not.toBe(body.access_token);
      expect(tokens.requestCount).toBe(2);
      expect(tokens.requests.map((r) => [r.authMethod, r.contentType, r.status])).toEqual([
        ['client_secret_post', 'application/x-www-form-urlencoded', 200],
        ['client_secret_post', 'application/json', 200],
      ]);
      expect(tokens.isValid(body.access_token)).toBe(true);
      tokens.revoke(body.access_token);
      expect(tokens.isValid(body.access_token)).toBe(false);
    } finally {
      await tokens.close();
    }
  });

  it('accepts client_secret_basic, with form-encoded credentials (RFC 6749 2.3.1)', async () => {
    const tokens = await startTokenServer({ clientId: 'id:with/odd chars', clientSecret: 's&p' });
    try {
      const basic = Buffer.from(
        `${encodeURIComponent('id:with/odd chars')}:${encodeURIComponent('s&p')}`,
      ).toString('base64');
      const init = form({
        grant_type: 'client_credentials',
        audience: 'https://api.civic.com/pass',
      });
      const response = await fetch(tokens.url, {
        ...init,
        headers: { ...init.headers, authorization: `Basic ${basic}` },
      });
      expect(response.status).toBe(200);
      expect(tokens.requests[0]).toMatchObject({
        authMethod: 'client_secret_basic',
        clientId: 'id:with/odd chars',
      });
    } finally {
      await tokens.close();
    }
  });

  it('refuses a wrong secret, a wrong audience and another grant, with OAuth errors', async () => {
    const tokens = await startTokenServer();
    try {
      const base = {
        grant_type: 'client_credentials',
        audience: 'https://api.civic.com/pass',
        client_id: tokens.clientId,
        client_secret: tokens.clientSecret,
      };
      const wrongSecret = await fetch(tokens.url, form({ ...base, client_secret: 'nope' }));
      expect(wrongSecret.status).toBe(401);
      expect((await wrongSecret.json()).error).toBe('invalid_client');
      const wrongAudience = await fetch(tokens.url, form({ ...base, audience: 'https://x' }));
      expect(wrongAudience.status).toBe(403);
      expect((await wrongAudience.json()).error).toBe('access_denied');
      const password = await fetch(tokens.url, form({ ...base, grant_type: 'password' }));
      expect(password.status).toBe(400);
      expect((await password.json()).error).toBe('unsupported_grant_type');
      expect(tokens.issued).toHaveLength(0);
      expect(tokens.requestCount).toBe(3);
    } finally {
      await tokens.close();
    }
  });
});
