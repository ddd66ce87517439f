import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // No test here measures speed; the timeout only catches a hang. vitest's 5 s default failed the
    // scheduler's property tests and the import's 200,000-entry refusal on one busy core
    // (`taskset -c 0 npm test` while other work ran: 6.2 s), so it would make CI depend on the machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
