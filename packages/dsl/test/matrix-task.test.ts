// Coverage matrix (COVERAGE.md): the Task state's fields, Retry, Catch and the top-level fields, each
// lowered whole in JSONPath and JSONata and executed by the runtime in both.
import type { QueryLanguage } from '@statewright/asl'
import { type HistoryEvent, run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { lambda, set, variable, workflow } from '../src/index.ts'
import { enteredStates } from './history.ts'

const aws = { region: 'us-east-1', account: '111111111111' } as const
const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const arn = (name: string): string => `arn:aws:lambda:us-east-1:111111111111:function:${name}`
const role = (name: string): string => `arn:aws:iam::111111111111:role/${name}`

/** The details of every Lambda/Task/Activity `…Scheduled` event, in order. */
const scheduled = (history: readonly HistoryEvent[]): Record<string, unknown>[] =>
  history.flatMap((event) => {
    if (!event.type.endsWith('Scheduled')) return []
    const key = `${event.type.charAt(0).toLowerCase()}${event.type.slice(1)}EventDetails` as const
    return [{ ...event[key] }]
  })

const Payment = z.object({ orderId: z.string(), amount: z.number() })
const charge = lambda('ChargeFunction', {
  input: Payment,
  output: z.object({ paymentId: z.string(), fee: z.number() }),
  handler: (input) => ({ paymentId: `p-${input.orderId}`, fee: input.amount / 10 }),
})
const refund = lambda('RefundFunction', {
  input: Payment,
  output: z.object({ refundId: z.string() }),
  handler: (input) => ({ refundId: `r-${input.orderId}` }),
})

describe('Task: InputPath, Parameters, ResultSelector, ResultPath, OutputPath, Assign, timeouts, credentials, Comment', () => {
  const refundId = variable<string>('refundId')
  const Input = z.object({
    request: Payment,
    limit: z.number(),
    beat: z.number(),
    role: z.string(),
  })
  const input = {
    request: { orderId: 'o1', amount: 50 },
    limit: 60,
    beat: 20,
    role: role('Refunder'),
  }
  const flow = (language: QueryLanguage) =>
    workflow(
      'TaskFields',
      {
        input: Input,
        queryLanguage: language,
        comment: 'Task fields',
        timeoutSeconds: 300,
        version: '1.0',
        ...aws,
      },
      (start) =>
        start
          .task(charge, (t) =>
            t
              .comment('Selects its input')
              .parameters((s) => s.request)
              .resultPath('payment')
              .timeout(30)
              .heartbeat(10)
              .credentials(role('Charger')),
          )
          .task(refund, (t) =>
            t
              .parameters((s) => ({ orderId: s.payment.paymentId, amount: s.request.amount }))
              .assign(refundId, (r) => r.refundId)
              .resultSelector((r) => ({ id: r.refundId }))
              .resultPath('refund')
              .outputPath((d) => d.refund)
              .timeout((s) => s.limit)
              .heartbeat((s) => s.beat)
              .credentials((s) => s.role),
          ),
    )

  test('lowers whole to JSONPath: InputPath, …Path forms and RoleArn.$', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      Comment: 'Task fields',
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Comment: 'Selects its input',
          Resource: arn('ChargeFunction'),
          InputPath: '$.request',
          ResultPath: '$.payment',
          TimeoutSeconds: 30,
          HeartbeatSeconds: 10,
          Credentials: { RoleArn: role('Charger') },
          Next: 'Refund',
        },
        Refund: {
          Type: 'Task',
          Resource: arn('RefundFunction'),
          Parameters: { 'orderId.$': '$.payment.paymentId', 'amount.$': '$.request.amount' },
          ResultSelector: { 'id.$': '$.refundId' },
          ResultPath: '$.refund',
          OutputPath: '$.refund',
          TimeoutSecondsPath: '$.limit',
          HeartbeatSecondsPath: '$.beat',
          Credentials: { 'RoleArn.$': '$.role' },
          Assign: { 'refundId.$': '$.refundId' },
          End: true,
        },
      },
      TimeoutSeconds: 300,
      Version: '1.0',
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: Arguments, one Output, expressions for the data-driven fields', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      Comment: 'Task fields',
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Comment: 'Selects its input',
          Resource: arn('ChargeFunction'),
          Arguments: '{% $states.input.request %}',
          Output: '{% $merge([$states.input, {"payment": $states.result}]) %}',
          TimeoutSeconds: 30,
          HeartbeatSeconds: 10,
          Credentials: { RoleArn: role('Charger') },
          Next: 'Refund',
        },
        Refund: {
          Type: 'Task',
          Resource: arn('RefundFunction'),
          Arguments: {
            orderId: '{% $states.input.payment.paymentId %}',
            amount: '{% $states.input.request.amount %}',
          },
          Output:
            '{% ($merge([$states.input, {"refund": {"id": $states.result.refundId}}])).refund %}',
          TimeoutSeconds: '{% $states.input.limit %}',
          HeartbeatSeconds: '{% $states.input.beat %}',
          Credentials: { RoleArn: '{% $states.input.role %}' },
          Assign: { refundId: '{% $states.result.refundId %}' },
          End: true,
        },
      },
      TimeoutSeconds: 300,
      Version: '1.0',
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)(
    'in %s, each task gets its effective input, timeouts and role, and the output is selected',
    async (language) => {
      const result = await run(flow(language), input)

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual({ id: 'r-p-o1' })
      expect(enteredStates(result.history)).toStrictEqual(['Charge', 'Refund'])
      const exited = result.history.find(
        (e) => e.type === 'TaskStateExited' && e.stateExitedEventDetails?.['name'] === 'Refund',
      )
      expect(exited?.stateExitedEventDetails?.['assignedVariables']).toStrictEqual({
        refundId: '"r-p-o1"',
      })
      expect(scheduled(result.history)).toStrictEqual([
        {
          resource: arn('ChargeFunction'),
          input: JSON.stringify({ orderId: 'o1', amount: 50 }),
          inputDetails: { truncated: false },
          timeoutInSeconds: 30,
          heartbeatInSeconds: 10,
          taskCredentials: { roleArn: role('Charger') },
        },
        {
          resource: arn('RefundFunction'),
          input: JSON.stringify({ orderId: 'p-o1', amount: 50 }),
          inputDetails: { truncated: false },
          timeoutInSeconds: 60,
          heartbeatInSeconds: 20,
          taskCredentials: { roleArn: role('Refunder') },
        },
      ])
    },
  )
})

describe('Task TimeoutSeconds from the data, enforced', () => {
  const hang = lambda('HangFunction', {
    input: Payment,
    output: Payment,
    handler: () => new Promise<never>(() => {}),
  })
  const flow = (language: QueryLanguage) =>
    workflow(
      'Hang',
      { input: z.object({ limit: z.number(), request: Payment }), queryLanguage: language, ...aws },
      (start) => start.task(hang, (t) => t.parameters((s) => s.request).timeout((s) => s.limit)),
    )

  test.each(languages)(
    'in %s, a task running longer than its limit fails with States.Timeout on the virtual clock',
    async (language) => {
      const result = await run(flow(language), { limit: 45, request: { orderId: 'o', amount: 1 } })

      expect(result.status).toBe('FAILED')
      expect(result.error).toBe('States.Timeout')
      expect(result.elapsedMs).toBe(45_000)
    },
  )
})

describe('top-level TimeoutSeconds, enforced', () => {
  test.each(languages)(
    'in %s, an execution running past it ends TIMED_OUT (AWS reports no error name for it)',
    async (language) => {
      const flow = workflow(
        'Bounded',
        { input: z.object({}), queryLanguage: language, timeoutSeconds: 10 },
        (start) => start.wait('Long', { seconds: 60 }).pass('Never'),
      )

      const result = await run(flow, {})

      expect(flow.toAsl()).toStrictEqual({
        StartAt: 'Long',
        States: {
          Long: { Type: 'Wait', Seconds: 60, Next: 'Never' },
          Never: { Type: 'Pass', End: true },
        },
        TimeoutSeconds: 10,
        QueryLanguage: language,
      })
      expect(result.status).toBe('TIMED_OUT')
      expect(result.error).toBeUndefined()
      expect(result.elapsedMs).toBe(10_000)
      expect(enteredStates(result.history)).toStrictEqual(['Long'])
    },
  )
})

describe('Retry: every field, several retriers; Catch: ResultPath, Assign, Comment', () => {
  class Busy extends Error {
    override name = 'Busy'
  }
  class Declined extends Error {
    override name = 'Declined'
  }
  const lastError = variable<string>('lastError')
  const flow = (language: QueryLanguage, failures: readonly Error[]) => {
    let attempt = 0
    const flaky = lambda('FlakyFunction', {
      input: Payment,
      output: z.object({ paymentId: z.string() }),
      handler: (input) => {
        const failure = failures[attempt++]
        if (failure !== undefined) throw failure
        return { paymentId: `p-${input.orderId}` }
      },
    })
    return workflow('Retries', { input: Payment, queryLanguage: language, ...aws }, (start) =>
      start
        .task(flaky, (t) =>
          t
            .retry(['Busy'], {
              intervalSeconds: 2,
              maxAttempts: 3,
              backoffRate: 3,
              maxDelaySeconds: 5,
              jitter: 'NONE',
              comment: 'capped back-off',
            })
            .retry(['States.TaskFailed'], { maxAttempts: 0 })
            .catch(
              ['Declined'],
              (h) => h.pass('Refused', (p) => p.parameters((s) => ({ error: s.error.Error }))),
              {
                resultPath: 'error',
                assign: (e) => [set(lastError, e.Cause)],
                comment: 'a declined card',
              },
            )
            .catch(['States.ALL'], (h) => h.fail('Broken', { error: 'Broken' })),
        )
        .pass('Paid'),
    )
  }

  test('lowers whole to JSONPath', () => {
    expect(flow('JSONPath', []).toAsl()).toStrictEqual({
      StartAt: 'Flaky',
      States: {
        Flaky: {
          Type: 'Task',
          Resource: arn('FlakyFunction'),
          Retry: [
            {
              ErrorEquals: ['Busy'],
              IntervalSeconds: 2,
              MaxAttempts: 3,
              BackoffRate: 3,
              MaxDelaySeconds: 5,
              JitterStrategy: 'NONE',
              Comment: 'capped back-off',
            },
            { ErrorEquals: ['States.TaskFailed'], MaxAttempts: 0 },
          ],
          Catch: [
            {
              ErrorEquals: ['Declined'],
              Next: 'Refused',
              ResultPath: '$.error',
              Assign: { 'lastError.$': '$.Cause' },
              Comment: 'a declined card',
            },
            { ErrorEquals: ['States.ALL'], Next: 'Broken' },
          ],
          Next: 'Paid',
        },
        Paid: { Type: 'Pass', End: true },
        Refused: { Type: 'Pass', Parameters: { 'error.$': '$.error.Error' }, End: true },
        Broken: { Type: 'Fail', Error: 'Broken' },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: the catcher places the error with Output', () => {
    expect(flow('JSONata', []).toAsl()).toStrictEqual({
      StartAt: 'Flaky',
      States: {
        Flaky: {
          Type: 'Task',
          Resource: arn('FlakyFunction'),
          Retry: [
            {
              ErrorEquals: ['Busy'],
              IntervalSeconds: 2,
              MaxAttempts: 3,
              BackoffRate: 3,
              MaxDelaySeconds: 5,
              JitterStrategy: 'NONE',
              Comment: 'capped back-off',
            },
            { ErrorEquals: ['States.TaskFailed'], MaxAttempts: 0 },
          ],
          Catch: [
            {
              ErrorEquals: ['Declined'],
              Next: 'Refused',
              Output: '{% $merge([$states.input, {"error": $states.errorOutput}]) %}',
              Assign: { lastError: '{% $states.errorOutput.Cause %}' },
              Comment: 'a declined card',
            },
            { ErrorEquals: ['States.ALL'], Next: 'Broken' },
          ],
          Next: 'Paid',
        },
        Paid: { Type: 'Pass', End: true },
        Refused: { Type: 'Pass', Output: { error: '{% $states.input.error.Error %}' }, End: true },
        Broken: { Type: 'Fail', Error: 'Broken' },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)(
    'in %s, retries back off 2 s, 5 s (capped), 5 s (capped) and then succeed',
    async (language) => {
      const busy = [new Busy('1'), new Busy('2'), new Busy('3')]

      const result = await run(flow(language, busy), { orderId: 'o1', amount: 1 })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.elapsedMs).toBe(12_000)
      expect(result.output).toStrictEqual({ paymentId: 'p-o1' })
      expect(enteredStates(result.history)).toStrictEqual(['Flaky', 'Paid'])
    },
  )

  test.each(languages)(
    'in %s, the retrier that matches first is used; the catcher places the error and assigns',
    async (language) => {
      const declined = [new Busy('1'), new Declined('card declined')]

      const result = await run(flow(language, declined), { orderId: 'o1', amount: 1 })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.elapsedMs).toBe(2_000)
      expect(result.output).toStrictEqual({ error: 'Declined' })
      expect(enteredStates(result.history)).toStrictEqual(['Flaky', 'Refused'])
      const exited = result.history.find((e) => e.type === 'TaskStateExited')
      expect(exited?.stateExitedEventDetails?.['assignedVariables']).toStrictEqual({
        lastError: expect.stringContaining('card declined'),
      })
    },
  )

  test.each(languages)(
    'in %s, States.TaskFailed with MaxAttempts 0 is not retried and falls to States.ALL',
    async (language) => {
      const result = await run(flow(language, [new Error('boom')]), { orderId: 'o1', amount: 1 })

      expect(result.status).toBe('FAILED')
      expect(result.error).toBe('Broken')
      expect(result.elapsedMs).toBe(0)
      expect(enteredStates(result.history)).toStrictEqual(['Flaky', 'Broken'])
    },
  )
})

describe('Retry JitterStrategy FULL', () => {
  const flow = (language: QueryLanguage) => {
    let attempt = 0
    const flaky = lambda('FlakyFunction', {
      input: Payment,
      output: Payment,
      handler: (input) => {
        if (attempt++ < 2) throw new Error('busy')
        return input
      },
    })
    return workflow('Jitter', { input: Payment, queryLanguage: language, ...aws }, (start) =>
      start.task(flaky, (t) =>
        t.retry(['States.ALL'], { intervalSeconds: 10, maxAttempts: 2, jitter: 'FULL' }),
      ),
    )
  }

  test.each(languages)(
    'lowers whole and draws each delay below its cap in %s',
    async (language) => {
      const result = await run(flow(language), { orderId: 'o', amount: 1 }, { random: 7 })

      expect(flow(language).toAsl()).toStrictEqual({
        StartAt: 'Flaky',
        States: {
          Flaky: {
            Type: 'Task',
            Resource: arn('FlakyFunction'),
            Retry: [
              {
                ErrorEquals: ['States.ALL'],
                IntervalSeconds: 10,
                MaxAttempts: 2,
                JitterStrategy: 'FULL',
              },
            ],
            End: true,
          },
        },
        QueryLanguage: language,
      })
      expect(result.status).toBe('SUCCEEDED')
      // Without jitter: 10 s + 20 s. FULL draws each delay in [0, delay].
      expect(result.elapsedMs).toBeLessThan(30_000)
    },
  )
})
