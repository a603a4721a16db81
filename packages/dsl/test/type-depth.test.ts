// Long chains must type-check without TS2589 ("excessively deep"): each next()/task() costs O(1)
// instantiations. Not a timing test (the benchmark suite times tsc); this only asserts there is no error.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const root = fileURLToPath(new URL('../../../', import.meta.url))
// Under fixtures/ (excluded from the repo's own type-check) so that the packages resolve as for users.
const work = mkdtempSync(join(fixtures, '.depth-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function source(): string {
  const lines = [
    "import { z } from 'zod'",
    "import { fail, lambda, pass, task, workflow } from '@statewright/dsl'",
    'const Order = z.object({ orderId: z.string(), amount: z.number() })',
    "const charge = lambda('ChargeFunction', { input: Order, output: z.object({ paymentId: z.string() }) })",
    "const step = lambda('StepFunction', { input: Order, output: Order })",
    "const failed = fail('Failed', { error: 'Failed' })",
    "export const chained = workflow('Chained', { input: Order }, (start) =>",
    '  start',
  ]
  for (let i = 0; i < 2000; i++) {
    lines.push(
      i % 2 === 0
        ? `    .next(task(step, { name: 'T${i}' }).retry(['States.TaskFailed'], { maxAttempts: 2 }).catch(['States.ALL'], failed))`
        : `    .next(pass('P${i}'))`,
    )
  }
  lines.push(
    ')',
    "export const shaped = workflow('Shaped', { input: Order }, (start) =>",
    '  start',
  )
  for (let i = 0; i < 1000; i++) {
    lines.push(
      `    .task(charge, (t) => t.parameters((s) => ({ orderId: s.orderId, amount: s.amount })).resultPath('payment'))`,
    )
  }
  lines.push(')', '')
  return lines.join('\n')
}

describe('long chains', () => {
  test('2,000 chained states and 1,000 configured tasks type-check without depth errors', () => {
    writeFileSync(join(work, 'chain.ts'), source())
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../../../../tsconfig.base.json',
        compilerOptions: {
          noEmit: true,
          isolatedDeclarations: false,
          declaration: false,
          declarationMap: false,
        },
        files: ['chain.ts'],
      }),
    )

    let output = ''
    try {
      execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', work], { encoding: 'utf8' })
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout ?? error)
    }

    expect(output).toBe('')
  }, 60_000)
})
