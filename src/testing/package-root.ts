import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'civic-pass-client';

let cached: string | undefined;

/**
 * The folder holding this package's own `package.json`, found by walking up from this file, so
 * that it is the same whether the code runs from `src/` (tsx, vitest) or from the built `dist/`.
 *
 * @example
 * const spec = path.join(packageRoot(), 'spec', 'customer_api.yaml');
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === PACKAGE_NAME) {
        cached = dir;
        return dir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${import.meta.url}`);
    }
    dir = parent;
  }
}

/**
 * Absolute path of the OpenAPI description shipped with the package (`spec/customer_api.yaml`):
 * the document the mocks serve and the conformance runner checks against.
 *
 * @example
 * const prism = await startPrism({ spec: defaultSpecPath() });
 */
export function defaultSpecPath(): string {
  return path.join(packageRoot(), 'spec', 'customer_api.yaml');
}
