import { describe, expect, it } from 'vitest';
import {
  describeValue,
  forgetToken,
  redact,
  redactDeep,
  registerSecret,
  registerToken,
} from '../../src/redact.js';

// The edges of redaction: the shortest value masked, the forms a secret is echoed in, the cap on
// remembered values, forgetting, and how deep a body is walked.
describe('redact at its edges', () => {
  it('masks from six characters on, in plain, percent- and form-encoded forms', () => {
    registerSecret('five5');
    expect(redact('x five5 x')).toBe('x five5 x');
    registerSecret('six6 &');
    expect(redact('a six6 & b six6%20%26 c six6+%26 d')).toBe(
      'a [redacted] b [redacted] c [redacted] d',
    );
  });

  it('forgets a replaced token in every form, and masks a token from six characters on', () => {
    registerToken('tok5a');
    expect(redact('tok5a')).toBe('tok5a');
    registerToken('tok6ab');
    expect(redact('tok6ab')).toBe('[redacted]');
    registerToken('tok/en+1=');
    expect(redact('tok/en+1= tok%2Fen%2B1%3D')).toBe('[redacted] [redacted]');
    forgetToken('tok/en+1=');
    expect(redact('tok/en+1= tok%2Fen%2B1%3D')).toBe('tok/en+1= tok%2Fen%2B1%3D');
  });

  it('never lets tokens push a client secret out, however many are renewed', () => {
    registerSecret('zq-client-pw', 'zq client');
    const basic = btoa('zq+client:zq-client-pw');
    for (let i = 0; i < 600; i++) registerToken(`token-number-${i}`);
    expect(redact(`zq-client-pw ${basic}`)).toBe('[redacted] [redacted]');
    // Tokens have their own bound: the oldest of them goes first.
    expect(redact('token-number-0 token-number-599')).toBe('token-number-0 [redacted]');
  });

  it('masks the password of any URL, whatever the scheme’s case, and nothing else', () => {
    expect(redact('see HTTPS://me:pa55@host/x and ftp://u:p@h')).toBe(
      'see HTTPS://me:[redacted]@host/x and ftp://u:[redacted]@h',
    );
    expect(redact('me:pa55@host')).toBe('me:pa55@host');
    expect(redact('https://host/a:b@c')).toBe('https://host/a:b@c');
  });

  it('remembers at most 256 values, forgetting the oldest first', () => {
    registerSecret('oldest-value');
    for (let i = 0; i < 256; i++) registerSecret(`filler-${String(i).padStart(3, '0')}`);
    expect(redact('oldest-value')).toBe('oldest-value');
    expect(redact('filler-255 filler-001')).toBe('[redacted] [redacted]');
    // Registering a value it already holds evicts nothing.
    registerSecret('filler-255');
    expect(redact('filler-000')).toBe('[redacted]');
  });

  it('walks a body eight levels deep, keys included, and leaves other values alone', () => {
    registerSecret('deep-secret');
    let nested: unknown = 'deep-secret';
    for (let i = 0; i < 9; i++) nested = [nested];
    expect(JSON.stringify(redactDeep(nested))).toBe(`${'['.repeat(9)}"[redacted]"${']'.repeat(9)}`);
    expect(JSON.stringify(redactDeep([nested]))).toBe(
      `${'['.repeat(9)}"[too deep]"${']'.repeat(9)}`,
    );
    expect(redactDeep({ 'deep-secret': [1, null, true] })).toEqual({
      '[redacted]': [1, null, true],
    });
    expect(redactDeep(undefined)).toBeUndefined();
    let object: unknown = 'deep-secret';
    for (let i = 0; i < 10; i++) object = { k: object };
    expect(JSON.stringify(redactDeep(object))).toBe(
      `${'{"k":'.repeat(9)}"[too deep]"${'}'.repeat(9)}`,
    );
  });

  it('describes every kind of value in a few words', () => {
    expect(describeValue('x'.repeat(60))).toBe(JSON.stringify('x'.repeat(60)));
    expect(describeValue('x'.repeat(61))).toBe(JSON.stringify(`${'x'.repeat(60)}…`));
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue({ a: 1 })).toBe('an object');
  });
});
