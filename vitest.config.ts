import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { ASYNC_CONTEXT_FLAG } from './infra/bundle.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Metrics are EMF lines on stdout; the tests that check them turn them back on.
    env: { POWERTOOLS_METRICS_DISABLED: 'true' },
    testTimeout: 30_000,
    // A worker per core: the files mostly wait on DynamoDB Local, loopback HTTP and child processes.
    // Vitest's default, a core fewer, ran them one at a time on 2 cores: 611 s there, 407–470 s with two.
    maxWorkers: availableParallelism(),
    // AsyncLocalStorage as Lambda runs it (LAMBDA_NODE_OPTIONS).
    execArgv: [ASYNC_CONTEXT_FLAG],
    hookTimeout: 60_000,
  },
});
