/**
 * Redirects: none is followed, from the API or the token endpoint, so no byte (body, custom
 * header, token, credentials) reaches an origin the user did not name.
 */
import { describe, expect, it } from 'vitest';
import { CivicPassError } from '../../src/errors.js';
import { startTokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { json } from '../support/scripted-server.js';
import { closeAfter, redirect, server } from './servers.js';

describe('redirects', () => {
  it('raises REDIRECT on a 307 to another origin: the POST body never goes there', async () => {
    const foreign = await server(() => json(202, PASS_EXAMPLE));
    const api = await server([redirect(307, `${foreign.url}/partner/pass/x`)]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await civic.passes
      .issue(EXAMPLE_REF, { headers: { 'x-tenant': 'acme' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error).toMatchObject({ code: 'REDIRECT' });
    expect((error as Error).message).toContain(`issuePass`);
    expect((error as Error).message).toContain(`307 with a redirect to ${foreign.url}`);
    expect(api.requests).toHaveLength(1);
    expect(foreign.requests).toHaveLength(0);
  });

  it('does not follow a same-origin redirect either, nor retry it', async () => {
    const api = await server([redirect(301, '/partner/elsewhere'), json(200, PASS_EXAMPLE)]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    await expect(civic.passes.get(EXAMPLE_REF)).rejects.toMatchObject({ code: 'REDIRECT' });
    expect(api.requests).toHaveLength(1);
  });

  it('raises REDIRECT naming tokenUrl when the token endpoint redirects; credentials stay home', async () => {
    const foreign = await server(() => json(200, { access_token: 'x', token_type: 'Bearer' }));
    const tokenHost = await server([redirect(308, `${foreign.url}/oauth/token`)]);
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: `${tokenHost.url}/oauth/token` });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REDIRECT' });
    expect((error as Error).message).toContain('check tokenUrl');
    expect([tokenHost.requests.length, foreign.requests.length, api.requests.length]).toEqual([
      1, 0, 0,
    ]);
  });
});
