import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { findWorkflows, importModule } from './load.ts'

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url))

describe('findWorkflows', () => {
  test('finds exported workflow(...) values without running the code', () => {
    const { workflows, diagnostics } = findWorkflows(fixture('basic'))

    expect(diagnostics).toStrictEqual([])
    expect(
      workflows.map((w) => [w.file.slice(fixture('basic').length), w.exportName, w.line]),
    ).toStrictEqual([['/src/order-flow.ts', 'orderFlow', 6]])
  })
})

describe('importModule', () => {
  test('imports a TypeScript module and returns its exports', async () => {
    const result = await importModule(`${fixture('basic')}/src/order-flow.ts`)

    expect(result.ok && typeof (result.exports['orderFlow'] as { toIr?: unknown }).toIr).toBe(
      'function',
    )
  })
})
