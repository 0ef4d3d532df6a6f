/**
 * Where and how a client authenticates: servers, security schemes (flows, token URL, declared
 * scopes) and each operation's security requirement. All of it is on the request side.
 */
import { asList, asNode, type Changes, isNode, type Node } from './model.js';

export function diffServers(changes: Changes, before: Node, after: Node): void {
  const urls = (document: Node) =>
    asList(document.servers).flatMap((server) =>
      isNode(server) && typeof server.url === 'string' ? [server.url] : [],
    );
  const was = urls(before);
  const now = urls(after);
  for (const url of was.filter((u) => !now.includes(u))) {
    changes.add(
      'server-removed',
      'servers',
      'request',
      'breaking',
      `server ${url} removed: clients that call it reach nothing the spec describes`,
    );
  }
  for (const url of now.filter((u) => !was.includes(u))) {
    changes.add('server-added', 'servers', 'request', 'non-breaking', `server ${url} added`);
  }
  if (was[0] && now[0] && was[0] !== now[0] && now.includes(was[0])) {
    changes.add(
      'server-default-changed',
      'servers',
      'request',
      'breaking',
      `the default server moved from ${was[0]} to ${now[0]}: a regenerated client calls another host`,
    );
  }
}

export function diffSecuritySchemes(changes: Changes, before: Node, after: Node): void {
  const was = asNode(asNode(before.components).securitySchemes);
  const now = asNode(asNode(after.components).securitySchemes);
  for (const name of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const a = was[name];
    const b = now[name];
    if (!isNode(b)) {
      changes.add(
        'security-scheme-removed',
        name,
        'request',
        'breaking',
        `security scheme ${name} removed`,
      );
      continue;
    }
    if (!isNode(a)) {
      changes.add(
        'security-scheme-added',
        name,
        'request',
        'non-breaking',
        `security scheme ${name} added`,
      );
      continue;
    }
    for (const key of [
      'type',
      'scheme',
      'in',
      'name',
      'bearerFormat',
      'openIdConnectUrl',
      'x-audience',
    ]) {
      if (a[key] === b[key]) continue;
      // A value that appears tells the generator more (x-audience becomes DEFAULT_AUDIENCE).
      const added = a[key] === undefined && key !== 'type';
      changes.add(
        'security-scheme-changed',
        name,
        'request',
        added ? 'non-breaking' : 'breaking',
        `${key} ${String(a[key] ?? '(none)')} became ${String(b[key] ?? '(none)')}` +
          (added ? '' : ': clients authenticate the old way'),
      );
    }
    const flowsA = asNode(a.flows);
    const flowsB = asNode(b.flows);
    for (const flow of new Set([...Object.keys(flowsA), ...Object.keys(flowsB)])) {
      const fa = flowsA[flow];
      const fb = flowsB[flow];
      const at = `${name} ${flow}`;
      if (!isNode(fb)) {
        changes.add('oauth-flow-removed', at, 'request', 'breaking', `OAuth flow ${flow} removed`);
        continue;
      }
      if (!isNode(fa)) {
        changes.add('oauth-flow-added', at, 'request', 'non-breaking', `OAuth flow ${flow} added`);
        continue;
      }
      for (const key of ['tokenUrl', 'authorizationUrl', 'refreshUrl']) {
        if (fa[key] === fb[key]) continue;
        changes.add(
          'token-url-changed',
          `${at} ${key}`,
          'request',
          'breaking',
          `${key} ${String(fa[key] ?? '(none)')} became ${String(fb[key] ?? '(none)')}: every deployed client asks the old endpoint for tokens`,
        );
      }
      const scopesA = Object.keys(asNode(fa.scopes));
      const scopesB = Object.keys(asNode(fb.scopes));
      for (const scope of scopesA.filter((s) => !scopesB.includes(s))) {
        changes.add(
          'scope-undeclared',
          `${at} scopes`,
          'request',
          'non-breaking',
          `scope ${scope} no longer declared (operations that still require it are reported on their own)`,
        );
      }
      for (const scope of scopesB.filter((s) => !scopesA.includes(s))) {
        changes.add(
          'scope-declared',
          `${at} scopes`,
          'request',
          'non-breaking',
          `scope ${scope} declared`,
        );
      }
    }
  }
}

/** Scheme name → required scopes, over all alternatives of a security requirement list. */
function requirementsOf(security: unknown[] | undefined): Map<string, Set<string>> | undefined {
  if (security === undefined || security.length === 0) return undefined;
  const out = new Map<string, Set<string>>();
  for (const requirement of security) {
    for (const [scheme, scopes] of Object.entries(asNode(requirement))) {
      const set = out.get(scheme) ?? new Set<string>();
      for (const scope of asList(scopes)) set.add(String(scope));
      out.set(scheme, set);
    }
  }
  return out;
}

export function diffSecurity(
  changes: Changes,
  at: string,
  before: unknown[] | undefined,
  after: unknown[] | undefined,
): void {
  const was = requirementsOf(before);
  const now = requirementsOf(after);
  if (!was && !now) return;
  if (!was && now) {
    changes.add(
      'security-added',
      at,
      'request',
      'breaking',
      `now needs ${[...now.keys()].join(', ')}: calls without credentials are refused`,
    );
    return;
  }
  if (was && !now) {
    changes.add('security-removed', at, 'request', 'non-breaking', 'no longer needs credentials');
    return;
  }
  if (!was || !now) return;
  for (const [scheme, scopes] of now) {
    const old = was.get(scheme);
    if (!old) {
      changes.add(
        'security-added',
        at,
        'request',
        'breaking',
        `now needs ${scheme}: calls authenticated otherwise are refused`,
      );
      continue;
    }
    for (const scope of [...scopes].filter((s) => !old.has(s))) {
      changes.add(
        'scope-added',
        at,
        'request',
        'breaking',
        `now needs scope ${scope}: a token without it is refused (403)`,
      );
    }
    for (const scope of [...old].filter((s) => !scopes.has(s))) {
      changes.add('scope-removed', at, 'request', 'non-breaking', `no longer needs scope ${scope}`);
    }
  }
  for (const scheme of was.keys()) {
    if (!now.has(scheme)) {
      changes.add('security-removed', at, 'request', 'non-breaking', `no longer needs ${scheme}`);
    }
  }
}
