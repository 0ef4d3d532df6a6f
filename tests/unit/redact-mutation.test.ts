import { describe, expect, it } from 'vitest';
import { describeValue, redact, redactDeep, registerSecret } from '../../src/redact.js';

// Pins what redaction masks and what it leaves alone: the password of a URL wherever its user
// info ends, each registered form of a secret and nothing more, and the values a body is made of.
// The secrets registered here are long and odd, so that no other test's text contains them.

describe('the password of a URL', () => {
  it.each([
    ['https://me:pa55word@host/x', 'https://me:[redacted]@host/x'],
    ['https://:pa55word@host', 'https://:[redacted]@host'],
    ['HTTPS://Me:PW@host', 'HTTPS://Me:[redacted]@host'],
    [
      'git+ssh://u:pw@host and 1://u:pw@host',
      'git+ssh://u:[redacted]@host and 1://u:[redacted]@host',
    ],
    // The user info runs to the last @ of the authority, the password from its first colon.
    ['https://u:p@ss@host/x', 'https://u:[redacted]@host/x'],
    ['https://a@b:c@host', 'https://a@b:[redacted]@host'],
    ['https://a:b:c@host', 'https://a:[redacted]@host'],
    ['(https://u:one@h, https://v:two@k)', '(https://u:[redacted]@h, https://v:[redacted]@k)'],
  ])('%s', (text, masked) => {
    expect(redact(text)).toBe(masked);
  });

  it.each([
    'https://host/a:b@c',
    'https://host?a:b@c',
    'https://host#a:b@c',
    'https://u:p/x@host',
    'https://u:p?x@host',
    'https://u:p#x@host',
    'https://u:p q@host',
    'https://u v:p@host',
    'https://u:@host',
    'https://user@host:8080/path',
    'mailto:me:pw@host',
    'me:pw@host',
  ])('leaves %s alone: no password there', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('a registered secret', () => {
  it('is masked everywhere it occurs, and only in the forms it is registered in', () => {
    const secret = 'zq-solo-value-4711';
    registerSecret(secret);
    expect(redact(`${secret}x${secret} ${secret}`)).toBe('[redacted]x[redacted] [redacted]');
    // Without a client id there is no Basic credential to mask.
    const basic = btoa(`undefined:${secret}`);
    expect(redact(basic)).toBe(basic);
  });

  it('is masked in a Basic credential of its client id, form-encoded first', () => {
    const secret = 'zq value:4712';
    registerSecret(secret, 'zq client');
    const basic = btoa('zq+client:zq+value%3A4712');
    expect(redact(`Basic ${basic}`)).toBe('Basic [redacted]');
  });
});

describe('redactDeep', () => {
  it('masks strings and keys at every level, and leaves the other values as they are', () => {
    registerSecret('zq-deep-4713');
    expect(
      redactDeep({
        a: ['zq-deep-4713', 1, null, false, { 'zq-deep-4713': 'https://u:pw@h' }],
        b: 0,
        c: null,
      }),
    ).toEqual({
      a: ['[redacted]', 1, null, false, { '[redacted]': 'https://u:[redacted]@h' }],
      b: 0,
      c: null,
    });
    expect(redactDeep(null)).toBeNull();
    expect(redactDeep(5)).toBe(5);
    expect(redactDeep(true)).toBe(true);
    expect(redactDeep([])).toEqual([]);
    expect(Array.isArray(redactDeep(['x']))).toBe(true);
  });

  it('walks eight levels below where it starts', () => {
    expect(redactDeep({ k: 'https://u:pw@h' }, 8)).toEqual({ k: 'https://u:[redacted]@h' });
    expect(redactDeep({ k: 'v' }, 9)).toBe('[too deep]');
    expect(redactDeep('https://u:pw@h', 20)).toBe('https://u:[redacted]@h');
  });
});

describe('describeValue', () => {
  it('quotes a string, and names every other kind of value', () => {
    expect(describeValue('')).toBe('""');
    expect(describeValue('a"b')).toBe('"a\\"b"');
    expect(describeValue(0)).toBe('0');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(-1n)).toBe('-1');
    expect(describeValue(Symbol.iterator)).toBe('a symbol');
    expect(describeValue(class {})).toBe('a function');
    expect(describeValue([])).toBe('an array');
    expect(describeValue(new Map())).toBe('an object');
  });
});
