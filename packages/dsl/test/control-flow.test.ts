import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { enteredStates } from './history.ts'
import { z } from 'zod'
import { DslError, eq, fragment, goto, lambda, task, wait, workflow } from '../src/index.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Job = z.object({ jobId: z.string() })
const Status = z.object({ jobId: z.string(), status: z.enum(['RUNNING', 'DONE']) })

describe('goto(): a polling loop', () => {
  const polling = (language: QueryLanguage) => {
    let polls = 0
    const getStatus = lambda('GetStatusFunction', {
      input: Job,
      output: Status,
      handler: (job) => ({
        jobId: job.jobId,
        status: ++polls >= 3 ? ('DONE' as const) : ('RUNNING' as const),
      }),
    })
    const pause = wait('Pause', { seconds: 30 })
    return workflow('Polling', { input: Job, queryLanguage: language }, (start) =>
      start
        .next(pause)
        .next(task(getStatus))
        .choice('IsDone', (c) =>
          c
            .when(
              (s) => eq(s.status, 'DONE'),
              (done) => done.succeed('Finished'),
            )
            .otherwise(goto(pause)),
        ),
    )
  }

  test('the Choice default loops back to the earlier Wait', () => {
    expect(polling('JSONPath').toAsl().States).toStrictEqual({
      Pause: { Type: 'Wait', Seconds: 30, Next: 'GetStatus' },
      GetStatus: { Type: 'Task', Resource: '${GetStatusFunctionArn}', Next: 'IsDone' },
      IsDone: {
        Type: 'Choice',
        Choices: [{ Variable: '$.status', StringEquals: 'DONE', Next: 'Finished' }],
        Default: 'Pause',
      },
      Finished: { Type: 'Succeed' },
    })
  })

  test.each(languages)(
    'loops until the job is done in %s, on the virtual clock',
    async (language) => {
      const result = await run(polling(language), { jobId: 'j1' })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.elapsedMs).toBe(90_000)
      expect(enteredStates(result.history)).toStrictEqual([
        ...['Pause', 'GetStatus', 'IsDone'],
        ...['Pause', 'GetStatus', 'IsDone'],
        ...['Pause', 'GetStatus', 'IsDone'],
        'Finished',
      ])
    },
  )

  test('refuses a jump to a state that is not in the workflow', () => {
    const elsewhere = wait('Elsewhere', { seconds: 1 })

    expect(() =>
      workflow('Lost', { input: Job }, (start) =>
        start.wait('Here', { seconds: 1 }).next(goto(elsewhere)),
      ),
    ).toThrow(
      "SFN108: goto('Elsewhere') jumps to a state that is not in the same workflow or branch: add 'Elsewhere' with next() on this level, or jump to a state that is.",
    )
  })
})

describe('joins after a Choice', () => {
  test('open ends of every branch continue to the state after the Choice', async () => {
    const flow = workflow('Join', { input: Status }, (start) =>
      start
        .choice('Route', (c) =>
          c
            .when(
              (s) => eq(s.status, 'DONE'),
              (b) => b.pass('WasDone'),
            )
            .otherwise((b) => b.pass('WasRunning')),
        )
        .pass('After'),
    )

    expect(flow.toAsl().States).toStrictEqual({
      Route: {
        Type: 'Choice',
        Choices: [{ Variable: '$.status', StringEquals: 'DONE', Next: 'WasDone' }],
        Default: 'WasRunning',
      },
      WasDone: { Type: 'Pass', Next: 'After' },
      WasRunning: { Type: 'Pass', Next: 'After' },
      After: { Type: 'Pass', End: true },
    })
    expect(
      enteredStates((await run(flow, { jobId: 'j', status: 'RUNNING' })).history),
    ).toStrictEqual(['Route', 'WasRunning', 'After'])
  })
})

describe('fragment()', () => {
  const log = lambda('LogFunction', { input: Job, output: Job, handler: (job) => job })
  const notify = fragment({ input: Job }, (start) => start.task(log).pass('Logged'))

  test('names the states of each use <label>.<name>, stably', async () => {
    const flow = workflow('Twice', { input: Job }, (start) =>
      start.next(notify('Customer')).next(notify('Merchant')),
    )

    expect(flow.toAsl()).toStrictEqual({
      StartAt: 'Customer.Log',
      States: {
        'Customer.Log': { Type: 'Task', Resource: '${LogFunctionArn}', Next: 'Customer.Logged' },
        'Customer.Logged': { Type: 'Pass', Next: 'Merchant.Log' },
        'Merchant.Log': { Type: 'Task', Resource: '${LogFunctionArn}', Next: 'Merchant.Logged' },
        'Merchant.Logged': { Type: 'Pass', End: true },
      },
    })
    expect((await run(flow, { jobId: 'j' })).status).toBe('SUCCEEDED')
  })

  test('reports two uses with the same label as a name collision', () => {
    const error = (() => {
      try {
        workflow('Clash', { input: Job }, (start) =>
          start.next(notify('Same')).next(notify('Same')),
        )
      } catch (caught) {
        return caught
      }
      return undefined
    })()

    expect(error).toBeInstanceOf(DslError)
    expect((error as DslError).message).toMatch(
      /^SFN101: Two different states are named 'Same\.Log'/,
    )
  })
})
