import { bigWorkflowStates, FAIL_STATE, RETRY } from './big-workflow.ts'

/**
 * The large workflow in our DSL: as TypeScript source (for the `tsc` scenario) and built in process (for
 * the build + compile scenario). Tasks are typed by zod schemas; every state's output feeds the next.
 */

const header = [
  "import { z } from 'zod'",
  "import { fail, lambda, pass, task, workflow } from '@statewright/dsl'",
  '',
  'const Order = z.object({ orderId: z.string(), amount: z.number(), lines: z.array(z.object({ sku: z.string(), quantity: z.number() })) })',
  `const failed = fail('${FAIL_STATE}', { error: 'ChargeFailed' })`,
]

/** The workflow as a user would write it: one const per state, then one chain in `workflow()`. */
export function dslSource(n: number): string {
  const lines = [...header]
  const names: string[] = []
  for (const state of bigWorkflowStates(n)) {
    const id = state.name.charAt(0).toLowerCase() + state.name.slice(1)
    names.push(id)
    if (state.kind === 'task') {
      lines.push(
        `const ${id} = task(lambda('${state.functionName}', { input: Order, output: Order }))`,
        `  .retry(['${RETRY.errors[0]}'], { maxAttempts: ${RETRY.maxAttempts}, backoffRate: ${RETRY.backoffRate}, intervalSeconds: ${RETRY.intervalSeconds} })`,
        "  .catch(['States.ALL'], failed)",
      )
    } else {
      lines.push(`const ${id} = pass('${state.name}')`)
    }
  }
  lines.push(
    '',
    "export const big = workflow('Big', { input: Order, region: 'us-east-1', account: '123456789012' }, (start) =>",
    '  start',
  )
  for (const id of names) lines.push(`    .next(${id})`)
  lines.push(')', '')
  return lines.join('\n')
}

/** The slice of `@statewright/dsl` the in-process build uses, typed loosely until the API settles. */
export interface DslApi {
  readonly fail: (name: string, options: { error: string }) => unknown
  readonly pass: (name: string) => unknown
  readonly lambda: (functionName: string, options: { input: unknown; output: unknown }) => unknown
  readonly task: (definition: unknown) => {
    retry(errors: string[], options: object): { catch(errors: string[], handler: unknown): unknown }
  }
  readonly workflow: (
    name: string,
    options: { input: unknown; region: string; account: string },
    body: (start: { next(state: unknown): unknown }) => unknown,
  ) => unknown
}

/** Builds the `n`-state workflow with the DSL, exactly as `dslSource(n)` writes it. */
export function buildWithDsl(dsl: DslApi, zod: typeof import('zod'), n: number): unknown {
  const { z } = zod
  const Order = z.object({
    orderId: z.string(),
    amount: z.number(),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
  })
  const failed = dsl.fail(FAIL_STATE, { error: 'ChargeFailed' })
  const states = bigWorkflowStates(n).map((state) =>
    state.kind === 'task'
      ? dsl
          .task(dsl.lambda(state.functionName, { input: Order, output: Order }))
          .retry([...RETRY.errors], {
            maxAttempts: RETRY.maxAttempts,
            backoffRate: RETRY.backoffRate,
            intervalSeconds: RETRY.intervalSeconds,
          })
          .catch(['States.ALL'], failed)
      : dsl.pass(state.name),
  )
  return dsl.workflow(
    'Big',
    { input: Order, region: 'us-east-1', account: '123456789012' },
    (start) => {
      let chain = start as { next(state: unknown): unknown }
      for (const state of states) chain = chain.next(state) as { next(state: unknown): unknown }
      return chain
    },
  )
}
