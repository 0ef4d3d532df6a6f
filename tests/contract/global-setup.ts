/**
 * globalSetup of the contract project: starts a static Prism mock (the spec's examples), a
 * dynamic one (`-d --seed`, randomised but repeatable bodies) and a local token endpoint, in
 * parallel, hands their URLs to the tests (`inject('contract')`), and stops them afterwards,
 * whether the tests passed or not.
 */
import type { TestProject } from 'vitest/node';
import { startPrism, startTokenServer } from '../../src/testing/index.js';
import type { ContractEnvironment } from '../support/contract-env.js';

/** The seed of the dynamic mock: fixed, so a failure can be reproduced with `npm run mock -- --seed`. */
export const DYNAMIC_SEED = 20241128;

export default async function setup(project: TestProject) {
  const started = performance.now();
  const [staticMock, dynamicMock, tokens] = await Promise.allSettled([
    startPrism(),
    startPrism({ seed: DYNAMIC_SEED }),
    startTokenServer(),
  ]);
  const stop = async () => {
    await Promise.all([
      staticMock.status === 'fulfilled' && staticMock.value.stop(),
      dynamicMock.status === 'fulfilled' && dynamicMock.value.stop(),
      tokens.status === 'fulfilled' && tokens.value.close(),
    ]);
  };
  if (
    staticMock.status === 'rejected' ||
    dynamicMock.status === 'rejected' ||
    tokens.status === 'rejected'
  ) {
    await stop();
    const failed = [staticMock, dynamicMock, tokens].find((r) => r.status === 'rejected');
    throw (failed as PromiseRejectedResult).reason;
  }
  const environment: ContractEnvironment = {
    staticUrl: staticMock.value.url,
    dynamicUrl: dynamicMock.value.url,
    dynamicSeed: DYNAMIC_SEED,
    tokenUrl: tokens.value.url,
    clientId: tokens.value.clientId,
    clientSecret: tokens.value.clientSecret,
  };
  project.provide('contract', environment);
  console.log(
    `contract: Prism static ${staticMock.value.startupMs} ms, dynamic (seed ${DYNAMIC_SEED}) ` +
      `${dynamicMock.value.startupMs} ms, all mocks ready in ${Math.round(performance.now() - started)} ms`,
  );
  return async () => {
    const stopping = performance.now();
    await stop();
    console.log(`contract: mocks stopped in ${Math.round(performance.now() - stopping)} ms`);
  };
}
