import { afterEach, beforeEach, expect, vi } from 'vitest'

// Unexpected console output fails a test (STYLE §5). A test that expects output installs its own spy
// (vi.spyOn(console, 'log')), which replaces the one set here for that test.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
const installed = new Map<(typeof methods)[number], (...args: unknown[]) => void>()
let unexpected: string[] = []

beforeEach(() => {
  unexpected = []
  for (const method of methods) {
    const spy = (...args: unknown[]): void => {
      unexpected.push(`console.${method}(${args.map(String).join(' ')})`)
    }
    installed.set(method, spy)
    vi.spyOn(console, method).mockImplementation(spy)
  }
})

afterEach(() => {
  vi.restoreAllMocks()
  expect(unexpected, 'unexpected console output').toEqual([])
})
