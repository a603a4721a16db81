// The refactoring promise: renaming one zod field makes tsc report every reference to it, and nothing else.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'

const fixture = fileURLToPath(new URL('./fixtures/refactor/', import.meta.url))
const root = fileURLToPath(new URL('../../../', import.meta.url))
// The copy sits beside the fixture (under fixtures/, which the repo's own type-check excludes) so that
// `@statewright/dsl` and `zod` resolve exactly as for the original.
const work = mkdtempSync(join(fixture, '..', '.refactor-'))
cpSync(fixture, work, { recursive: true })

afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The lines tsc reports errors on (1-based), from `tsc -p`'s `file(line,col): error` output. */
function errorLines(): number[] {
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', work], { encoding: 'utf8' })
    return []
  } catch (error) {
    const output = String((error as { stdout?: unknown }).stdout ?? '')
    return [...output.matchAll(/workflow\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]))
  }
}

describe('renaming a zod field', () => {
  test('type-checks before the rename', () => {
    expect(errorLines()).toStrictEqual([])
  }, 30_000)

  test('reports an error at every reference to the old name, and nowhere else', () => {
    const file = join(work, 'workflow.ts')
    const source = readFileSync(file, 'utf8')
    const references = source
      .split('\n')
      .flatMap((line, index) => (line.endsWith('// reads customerId') ? [index + 1] : []))
    writeFileSync(file, source.replace('  customerId: z.string(),', '  clientId: z.string(),'))

    const lines = errorLines()

    expect(references).toHaveLength(5)
    expect([...new Set(lines)].sort((a, b) => a - b)).toStrictEqual(references)
  }, 30_000)
})
