/** The InputError a synchronous check throws, as its field and message (fails the test otherwise). */
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';

export function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const { field, message } = error as InputError;
    return { field, message };
  }
  throw new Error('expected an InputError');
}
