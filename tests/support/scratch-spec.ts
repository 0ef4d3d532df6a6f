/**
 * A scratch copy of our spec with an edit applied, for tests of what tools do when the spec
 * changes (the generator, spec:diff, the contract coverage check).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const SPEC_PATH = 'spec/customer_api.yaml';

/** Our spec, parsed. */
export function readSpec(): Record<string, any> {
  return parse(readFileSync(SPEC_PATH, 'utf8'));
}

/** Writes our spec with `edit` applied to a file in a new temporary folder; returns its path. */
export function scratchSpec(edit: (document: Record<string, any>) => void): string {
  const document = readSpec();
  edit(document);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'civic-spec-')), 'spec.yaml');
  writeFileSync(file, stringify(document));
  return file;
}
