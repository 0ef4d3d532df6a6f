/**
 * `npm run mock`: serves a Prism mock of spec/customer_api.yaml and a local token endpoint until
 * interrupted, and prints where they listen and the environment that points the client at them.
 *
 *   npm run mock                          static mock (the spec's examples), on a free port
 *   npm run mock -- --seed 42             randomised but repeatable bodies
 *   npm run mock -- --port 4010 --spec F  a fixed port, another spec
 */
import { parseArgs } from 'node:util';
import { startMockApi } from '../src/testing/index.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spec: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      dynamic: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run mock -- [--port N] [--dynamic] [--seed N] [--spec file]');
    return;
  }
  const mock = await startMockApi({
    ...(values.spec !== undefined && { spec: values.spec }),
    ...(values.port !== undefined && { port: Number(values.port) }),
    ...(values.seed !== undefined && { seed: values.seed }),
    dynamic: values.dynamic,
  });
  console.log(
    `mock: Prism is listening on ${mock.baseUrl} (started in ${mock.prism.startupMs} ms)`,
  );
  console.log(`mock: token endpoint on ${mock.tokenUrl}`);
  console.log('mock: point the client at it with:');
  for (const [name, value] of Object.entries(mock.env)) console.log(`  export ${name}=${value}`);
  console.log('mock: Ctrl-C stops it');
  const stop = () => {
    mock.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
