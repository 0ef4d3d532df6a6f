/**
 * A token endpoint outage under load: the failure of one token fetch (retries included) is
 * shared by every call waiting on it, and by calls within the short cool-down after it.
 */
import { describe, expect, it } from 'vitest';
import { TokenError } from '../../src/errors.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { json, raw } from '../support/scripted-server.js';
import { server } from './servers.js';

describe('a token endpoint answering 503', () => {
  it('costs 1 + maxRetries token requests for 2,000 concurrent calls, and none within the cool-down', async () => {
    const tokenHost = await server(() => raw(503, 'text/plain', 'unavailable'));
    const api = await server(() => json(200, PASS_EXAMPLE));
    let now = 1_000_000;
    const { civic } = faultClient(
      { baseUrl: api.url, tokenUrl: `${tokenHost.url}/oauth/token` },
      () => now,
    );
    const results = await Promise.allSettled(
      Array.from({ length: 2000 }, () => civic.passes.get(EXAMPLE_REF)),
    );
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : undefined));
    expect(reasons.every((reason) => reason instanceof TokenError)).toBe(true);
    expect(reasons[0]).toMatchObject({ status: 503 });
    expect(tokenHost.requests).toHaveLength(3);
    expect(api.requests).toHaveLength(0);

    // Within the cool-down: the same failure, no new request.
    await expect(civic.passes.get(EXAMPLE_REF)).rejects.toBe(reasons[0]);
    expect(tokenHost.requests).toHaveLength(3);
    // After it: a new token fetch (which fails again, with its retries).
    now += 1_001;
    await expect(civic.passes.get(EXAMPLE_REF)).rejects.toBeInstanceOf(TokenError);
    expect(tokenHost.requests).toHaveLength(6);
  });
});
