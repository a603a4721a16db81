import { defineConfig } from 'vitest/config'

// Tests import each package's TypeScript sources through the "@statewright/source"
// export condition, so nothing needs building before a test run.
const resolve = { conditions: ['@statewright/source'] }

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'packages',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'bench/src/**/*.test.ts',
          ],
          typecheck: {
            enabled: true,
            checker: 'tsc',
            include: ['packages/*/src/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'examples',
          include: ['examples/*/**/*.test.ts'],
          typecheck: {
            enabled: true,
            checker: 'tsc',
            include: ['examples/*/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
    ],
    setupFiles: ['./vitest.setup.ts'],
    passWithNoTests: false,
  },
  ssr: {
    resolve: { conditions: ['@statewright/source'], externalConditions: ['@statewright/source'] },
  },
})
