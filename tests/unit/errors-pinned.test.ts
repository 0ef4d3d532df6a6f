import { describe, expect, it } from 'vitest';
import {
  CivicPassError,
  ConfigurationError,
  ConnectionError,
  InputError,
  InvalidResponseError,
  isConnectionRefused,
  TimeoutError,
  TokenError,
} from '../../src/errors.js';

// Pins what callers branch on: each class's `code` and `name`, what `toJSON` shows, and which
// connection failures count as refused (the only ones after which `issuePass` is re-sent).
describe('error codes, names and JSON of the classes without a status', () => {
  const target = { operationId: 'getPass', method: 'GET', path: '/pass/{ref}' };
  const response = new Response('{"accessToken":"tok-secret"}', {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-7' },
  });
  it.each([
    [new CivicPassError('m'), 'CivicPassError', 'CIVIC_PASS_ERROR'],
    [new ConnectionError('m', target), 'ConnectionError', 'CONNECTION'],
    [new TimeoutError('m', target, 5), 'TimeoutError', 'TIMEOUT'],
    [new TokenError('m'), 'TokenError', 'TOKEN'],
    [new InputError('limit', 'm'), 'InputError', 'INPUT'],
    [new ConfigurationError('timeoutMs', 'm'), 'ConfigurationError', 'CONFIGURATION'],
    [
      new InvalidResponseError('bad', { ...target, response }),
      'InvalidResponseError',
      'INVALID_RESPONSE',
    ],
  ] as const)('%o', (error, name, code) => {
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.toJSON()).toMatchObject({ name, code, message: error.message });
    expect(error.toJSON()).not.toHaveProperty('cause');
  });

  it('keeps the raw Response of an InvalidResponseError out of its JSON, and names the answer', () => {
    const error = new InvalidResponseError(
      'its body is not JSON',
      { ...target, response },
      { cause: new Error('tok-secret'), code: 'RESPONSE_TOO_LARGE' },
    );
    expect(error.response).toBe(response);
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    const json = error.toJSON();
    expect(json).not.toHaveProperty('response');
    expect(json).not.toHaveProperty('cause');
    expect(JSON.stringify(error)).not.toContain('tok-secret');
    expect(json).toMatchObject({
      status: 200,
      contentType: 'application/json',
      requestId: 'req-7',
      method: 'GET',
      path: '/pass/{ref}',
      operationId: 'getPass',
    });
    expect(error.message).toBe(
      'getPass (GET /pass/{ref}) answered 200 but its body is not JSON (request id req-7)',
    );
    const bare = new InvalidResponseError('x', target);
    expect(bare.message).toBe('getPass (GET /pass/{ref}) answered successfully but x');
    expect(bare.status).toBeUndefined();
  });

  it('keeps the fields of the other classes', () => {
    const cause = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(new ConnectionError('m', target, { cause })).toMatchObject({ ...target, refused: true });
    expect(new ConnectionError('m', target).refused).toBe(false);
    expect(new TimeoutError('m', target, 5)).toMatchObject({ ...target, timeoutMs: 5 });
    const token = new TokenError('m', {
      error: 'invalid_client',
      error_description: 'no',
      status: 401,
    });
    expect(token).toMatchObject({ error: 'invalid_client', error_description: 'no', status: 401 });
    expect(new InputError('limit', 'm').field).toBe('limit');
    expect(new ConfigurationError('timeoutMs', 'm').option).toBe('timeoutMs');
  });
});

describe('isConnectionRefused', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
  it('is true only when every connection of an aggregate was refused', () => {
    expect(isConnectionRefused(new AggregateError([refused, refused]))).toBe(true);
    // One of them reached a server that may have acted: not refused.
    expect(isConnectionRefused(new AggregateError([refused, reset]))).toBe(false);
    expect(isConnectionRefused(new AggregateError([reset, refused]))).toBe(false);
    expect(isConnectionRefused(new AggregateError([]))).toBe(false);
  });
  it('follows causes, and stops on a cycle or a non-object', () => {
    expect(isConnectionRefused(new TypeError('fetch failed', { cause: refused }))).toBe(true);
    expect(isConnectionRefused(new TypeError('fetch failed', { cause: reset }))).toBe(false);
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(isConnectionRefused(loop)).toBe(false);
    expect(isConnectionRefused('ECONNREFUSED')).toBe(false);
    expect(isConnectionRefused(null)).toBe(false);
    expect(isConnectionRefused({ code: 'ECONNREFUSED' })).toBe(true);
  });
});
