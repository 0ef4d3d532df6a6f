/**
 * Reads a spec file into a dereferenced document. It does not validate: Civic's 2023-12 and
 * 2024-02 files are invalid (a parameter `in: body`) and must still compare.
 */
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { isNode, type Node } from './model.js';

/** A file that cannot be compared: missing, unparsable, or not an OpenAPI document. */
export class UnreadableSpecError extends Error {
  override name = 'UnreadableSpecError';
}

/** Dereferences a parsed document (a copy: the parser works in place). */
export async function dereference(document: Node): Promise<Node> {
  return (await SwaggerParser.dereference(structuredClone(document) as never)) as unknown as Node;
}

/** Reads, parses and dereferences `file`; every failure is an {@link UnreadableSpecError}. */
export async function loadSpec(file: string): Promise<Node> {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UnreadableSpecError(`cannot read ${file}: ${reason}`);
  }
  if (!isNode(parsed) || typeof parsed.openapi !== 'string' || !isNode(parsed.paths)) {
    throw new UnreadableSpecError(`${file} does not hold an OpenAPI 3 document`);
  }
  try {
    return await dereference(parsed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreadableSpecError(`cannot resolve the references of ${file}: ${reason}`);
  }
}
