import { defineConfig } from 'vitest/config';

// Every test runs on embedded PGlite; with TEST_DATABASE_URL set (CI does), the suite runs a
// second time against that real PostgreSQL server.
const realPg = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: { name: 'pglite', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], env: { TEST_DATABASE_URL: '' } },
      },
      ...(realPg
        ? [{
            extends: true as const,
            test: { name: 'postgres', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], env: { TEST_DATABASE_URL: realPg } },
          }]
        : []),
    ],
  },
});
