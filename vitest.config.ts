import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{engine,agents,network-profiles,scenarios,runner,reports,web,test}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
