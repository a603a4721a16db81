import { lambda, task, workflow } from '@statewright/dsl'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { compile } from '../compile.ts'
import { formatDiagnostic } from '../diagnostics.ts'

const Order = z.object({ orderId: z.string() })
const fn = (name: string, stateName: string) =>
  lambda(name, { input: Order, output: Order, stateName, handler: (order) => order })

describe('findSubstitutionClash', () => {
  test('two functions that become the same ${…} variable are an error at the second task', () => {
    const flow = workflow('Clash', { input: Order }, (start) =>
      start.next(task(fn('order-fn', 'First'))).next(task(fn('order_fn', 'Second'))),
    )

    const result = compile(flow)

    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => formatDiagnostic({ ...d, source: undefined })))
      .toMatchInlineSnapshot(`
      [
        "error SFN257 /States/Second/Resource: 'Second' calls 'order_fn' and 'First' calls 'order-fn', but both become the substitution \${orderfnArn}, so one ARN would serve both. Rename one of the functions, or give the workflow its region and account for concrete ARNs.",
      ]
    `)
    expect(result.diagnostics[0]?.source?.line).toBeGreaterThan(0)
  })

  test('the same function twice, or concrete ARNs, are fine', () => {
    const same = workflow('Same', { input: Order }, (start) =>
      start.next(task(fn('orderFn', 'First'))).next(task(fn('orderFn', 'Second'))),
    )
    const concrete = workflow('Concrete', { input: Order }, (start) =>
      start.next(task(fn('order-fn', 'First'))).next(task(fn('order_fn', 'Second'))),
    )

    expect(compile(same).diagnostics).toStrictEqual([])
    expect(
      compile(concrete, { region: 'eu-west-1', account: '123456789012' }).diagnostics,
    ).toStrictEqual([])
  })
})
