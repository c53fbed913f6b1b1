import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
    hookTimeout: 60_000,
  },
});
