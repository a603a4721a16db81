import type { AslStateMachine } from '@statewright/asl'

/**
 * The "Retry/Wait in tests" bar: a Task that fails twice before it succeeds (Retry with 1 s then 2 s of
 * back-off) and a 2-second Wait. Run as AWS would, that is 5 seconds of waiting per execution.
 */
export const retryWaitDefinition: AslStateMachine = {
  StartAt: 'Flaky',
  States: {
    Flaky: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:FlakyFunction',
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 }],
      ResultPath: '$.flaky',
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', Seconds: 2, End: true },
  },
} as unknown as AslStateMachine

/** Seconds of back-off and waiting one execution would spend on AWS. */
export const RETRY_WAIT_SECONDS = 1 + 2 + 2

/** A handler that throws on the first two attempts of each execution (keyed by its `id`), then answers. */
export function flakyHandler(): (input: { id: number }) => { ok: true; attempts: number } {
  const attempts = new Map<number, number>()
  return (input) => {
    const attempt = (attempts.get(input.id) ?? 0) + 1
    attempts.set(input.id, attempt)
    if (attempt < 3) throw new Error(`Attempt ${attempt} failed.`)
    return { ok: true, attempts: attempt }
  }
}
