import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Deadline, onAbort, raceSignal } from '../../src/deadline.js';
import { describeValue, redact, redactDeep, registerSecret } from '../../src/redact.js';

describe('onAbort: one listener per signal', () => {
  it('runs every callback once, keeps one listener, and removes it with the last stop', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const callback = () => calls.push('same');
    const stops = [onAbort(controller.signal, callback), onAbort(controller.signal, callback)];
    const other = onAbort(controller.signal, () => calls.push('other'));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    other();
    other(); // a second stop changes nothing
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(calls).toEqual(['same', 'same']);
    for (const stop of stops) stop();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('removes the listener when every subscriber stopped before an abort', async () => {
    const controller = new AbortController();
    await Promise.all(
      Array.from({ length: 50 }, () => raceSignal(Promise.resolve(1), controller.signal)),
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('Deadline', () => {
  it('gives an attempt the smaller of its own deadline and what is left', () => {
    let now = 1000;
    const deadline = new Deadline(5000, () => now);
    expect(deadline.attemptMs(2000)).toBe(2000);
    now += 4000;
    expect(deadline.attemptMs(2000)).toBe(1000);
    now += 9000;
    expect(deadline.remaining()).toBe(0);
  });
});

describe('redact', () => {
  it('masks a registered secret in its plain, form-encoded and Basic forms, and URL passwords', () => {
    registerSecret('s3cret value+/', 'client id');
    const basic = btoa('client+id:s3cret+value%2B%2F');
    const text = `a s3cret value+/ b s3cret+value%2B%2F c ${basic} d https://me:pw@host/x`;
    expect(redact(text)).toBe(
      'a [redacted] b [redacted] c [redacted] d https://me:[redacted]@host/x',
    );
    expect(redactDeep({ list: ['s3cret value+/'], 's3cret value+/': 1 })).toEqual({
      list: ['[redacted]'],
      '[redacted]': 1,
    });
  });

  it('leaves short values alone, so common words are not mangled', () => {
    registerSecret('abc');
    expect(redact('abc')).toBe('abc');
  });

  it('describes any value without throwing', () => {
    expect(describeValue(Object.create(null))).toBe('an object');
    expect(describeValue(Symbol('x'))).toBe('a symbol');
    expect(describeValue(10n)).toBe('10');
    expect(describeValue('x'.repeat(100))).toMatch(/…"$/);
  });
});
