/**
 * The large workflow of scenarios 4 and 5, described once so that our DSL and CDK build the same thing:
 * a chain of `n - 1` states, every other one a Lambda task (Retry on throttling, Catch-all to one shared Fail
 * state), the others Pass states, plus that Fail state: `n` states in all.
 */

export type BigState =
  | { readonly kind: 'task'; readonly name: string; readonly functionName: string }
  | { readonly kind: 'pass'; readonly name: string }

export const FAIL_STATE = 'Failed'

export function bigWorkflowStates(n: number): BigState[] {
  const states: BigState[] = []
  for (let i = 1; i < n; i++) {
    const number = String(i).padStart(4, '0')
    states.push(
      i % 2 === 1
        ? { kind: 'task', name: `Charge${number}`, functionName: `Charge${number}Function` }
        : { kind: 'pass', name: `Step${number}` },
    )
  }
  return states
}

export const RETRY = {
  errors: ['Lambda.TooManyRequestsException'],
  maxAttempts: 3,
  backoffRate: 2,
  intervalSeconds: 1,
}
