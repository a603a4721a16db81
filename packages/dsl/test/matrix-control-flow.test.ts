// Coverage matrix (COVERAGE.md): control flow (a loop, a join, a fragment used twice), per-state query
// language and variable scopes, lowered whole in JSONPath and JSONata and executed in both.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  eq,
  fragment,
  goto,
  lambda,
  localVariable,
  task,
  variable,
  wait,
  workflow,
} from '../src/index.ts'
import { enteredStates } from './history.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const aws = { region: 'us-east-1', account: '111111111111' } as const
const arn = (name: string): string => `arn:aws:lambda:us-east-1:111111111111:function:${name}`
const Job = z.object({ jobId: z.string() })
const Status = z.object({ jobId: z.string(), status: z.enum(['RUNNING', 'DONE']) })

describe('goto(): a polling loop back to an earlier Wait', () => {
  const polling = (language: QueryLanguage) => {
    let polls = 0
    const getStatus = lambda('GetStatusFunction', {
      input: Job,
      output: Status,
      handler: (job) => ({
        jobId: job.jobId,
        status: ++polls >= 2 ? ('DONE' as const) : ('RUNNING' as const),
      }),
    })
    const pause = wait('Pause', { seconds: 30 })
    return workflow('Polling', { input: Job, queryLanguage: language, ...aws }, (start) =>
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
  const states = (condition: object) => ({
    Pause: { Type: 'Wait', Seconds: 30, Next: 'GetStatus' },
    GetStatus: { Type: 'Task', Resource: arn('GetStatusFunction'), Next: 'IsDone' },
    IsDone: { Type: 'Choice', Choices: [{ ...condition, Next: 'Finished' }], Default: 'Pause' },
    Finished: { Type: 'Succeed' },
  })

  test('lowers whole in both languages: the Default names the earlier state', () => {
    expect(polling('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Pause',
      States: states({ Variable: '$.status', StringEquals: 'DONE' }),
      QueryLanguage: 'JSONPath',
    })
    expect(polling('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Pause',
      States: states({ Condition: '{% $states.input.status = "DONE" %}' }),
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, loops until the job is done', async (language) => {
    const result = await run(polling(language), { jobId: 'j1' })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ jobId: 'j1', status: 'DONE' })
    expect(result.elapsedMs).toBe(60_000)
    expect(enteredStates(result.history)).toStrictEqual([
      ...['Pause', 'GetStatus', 'IsDone'],
      ...['Pause', 'GetStatus', 'IsDone'],
      'Finished',
    ])
  })
})

describe('a join after a Choice, and a fragment used twice', () => {
  const log = lambda('LogFunction', {
    input: Status,
    output: Status,
    handler: (s) => s,
  })
  const notify = fragment({ input: Status }, (start) =>
    start
      .task(log)
      .pass('Logged', (p) => p.parameters((s) => ({ jobId: s.jobId, status: s.status }))),
  )
  const flow = (language: QueryLanguage) =>
    workflow('Joins', { input: Status, queryLanguage: language, ...aws }, (start) =>
      start
        .choice('Route', (c) =>
          c
            .when(
              (s) => eq(s.status, 'DONE'),
              (b) => b.next(notify('Done')),
            )
            .otherwise((b) => b.pass('WasRunning')),
        )
        .next(notify('After')),
    )
  const logged = (label: string, next: object, parameters: object) => ({
    [`${label}.Log`]: { Type: 'Task', Resource: arn('LogFunction'), Next: `${label}.Logged` },
    [`${label}.Logged`]: { Type: 'Pass', ...parameters, ...next },
  })

  test('lowers whole to JSONPath: both branches continue to the fragment after the Choice', () => {
    const parameters = { Parameters: { 'jobId.$': '$.jobId', 'status.$': '$.status' } }
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Route',
      States: {
        Route: {
          Type: 'Choice',
          Choices: [{ Variable: '$.status', StringEquals: 'DONE', Next: 'Done.Log' }],
          Default: 'WasRunning',
        },
        ...logged('Done', { Next: 'After.Log' }, parameters),
        WasRunning: { Type: 'Pass', Next: 'After.Log' },
        ...logged('After', { End: true }, parameters),
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata', () => {
    const output = {
      Output: { jobId: '{% $states.input.jobId %}', status: '{% $states.input.status %}' },
    }
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Route',
      States: {
        Route: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.status = "DONE" %}', Next: 'Done.Log' }],
          Default: 'WasRunning',
        },
        ...logged('Done', { Next: 'After.Log' }, output),
        WasRunning: { Type: 'Pass', Next: 'After.Log' },
        ...logged('After', { End: true }, output),
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)(
    'in %s, each branch rejoins; each use of the fragment runs',
    async (language) => {
      const done = await run(flow(language), { jobId: 'j', status: 'DONE' })
      const running = await run(flow(language), { jobId: 'j', status: 'RUNNING' })

      expect(enteredStates(done.history)).toStrictEqual([
        'Route',
        'Done.Log',
        'Done.Logged',
        'After.Log',
        'After.Logged',
      ])
      expect(enteredStates(running.history)).toStrictEqual([
        'Route',
        'WasRunning',
        'After.Log',
        'After.Logged',
      ])
      expect(done.output).toStrictEqual({ jobId: 'j', status: 'DONE' })
    },
  )
})

describe('per-state query language', () => {
  const flow = workflow('Mixed', { input: Job }, (start) =>
    start
      .pass('Plain', (p) => p.parameters((s) => ({ id: s.jobId })))
      .pass('Shaped', (p) =>
        p.parameters((s) => ({ id: s.id, upper: s.id })).queryLanguage('JSONata'),
      ),
  )

  test('a JSONata state in a JSONPath workflow says so and writes Output; both run', async () => {
    expect(flow.toAsl()).toStrictEqual({
      StartAt: 'Plain',
      States: {
        Plain: { Type: 'Pass', Parameters: { 'id.$': '$.jobId' }, Next: 'Shaped' },
        Shaped: {
          Type: 'Pass',
          QueryLanguage: 'JSONata',
          Output: { id: '{% $states.input.id %}', upper: '{% $states.input.id %}' },
          End: true,
        },
      },
    })
    expect((await run(flow, { jobId: 'j' })).output).toStrictEqual({ id: 'j', upper: 'j' })
  })

  test('a JSONPath state in a JSONata workflow (which AWS rejects) is refused before it runs', () => {
    // Refused when the workflow is built (gap 9, test/gap-query-language.test.ts), so it never runs.
    const refused = () =>
      workflow('Reversed', { input: Job, queryLanguage: 'JSONata' }, (start) =>
        start.pass('P', (p) => p.parameters((s) => ({ id: s.jobId })).queryLanguage('JSONPath')),
      )

    expect(refused).toThrow("State 'P' is written in JSONPath")
  })
})

describe('variable scopes: a Parallel branch and a Map iteration read outer variables; an iteration has its own', () => {
  const id = variable<string>('id')
  const seen = localVariable<number>('seen')
  const Input = z.object({ items: z.array(z.number()), id: z.string() })
  const flow = (language: QueryLanguage) =>
    workflow('Scopes', { input: Input, queryLanguage: language }, (start) =>
      start
        .pass('Init', (p) => p.assign(id, (s) => s.id))
        .parallel('Both', [(b) => b.pass('Read', (p) => p.parameters(() => ({ id })))], (p) =>
          p.resultPath('both'),
        )
        .map('Each', {
          items: (s) => s.items,
          process: (item) =>
            item
              .pass('Note', (p) => p.assign(seen, (s) => s))
              .pass('Report', (p) => p.parameters(() => ({ seen, id }))),
        }),
    )

  test('lowers whole to JSONPath ($name paths) and JSONata ($name expressions)', () => {
    const map = (language: QueryLanguage) => ({
      Type: 'Map',
      ...(language === 'JSONPath'
        ? { ItemsPath: '$.items' }
        : { Items: '{% $states.input.items %}' }),
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Note',
        States: {
          Note: {
            Type: 'Pass',
            Assign: language === 'JSONPath' ? { 'seen.$': '$' } : { seen: '{% $states.input %}' },
            Next: 'Report',
          },
          Report: {
            Type: 'Pass',
            ...(language === 'JSONPath'
              ? { Parameters: { 'seen.$': '$seen', 'id.$': '$id' } }
              : { Output: { seen: '{% $seen %}', id: '{% $id %}' } }),
            End: true,
          },
        },
      },
      End: true,
    })
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { 'id.$': '$.id' }, Next: 'Both' },
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Read',
              States: { Read: { Type: 'Pass', Parameters: { 'id.$': '$id' }, End: true } },
            },
          ],
          ResultPath: '$.both',
          Next: 'Each',
        },
        Each: map('JSONPath'),
      },
      QueryLanguage: 'JSONPath',
    })
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { id: '{% $states.input.id %}' }, Next: 'Both' },
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Read',
              States: { Read: { Type: 'Pass', Output: { id: '{% $id %}' }, End: true } },
            },
          ],
          Output: '{% $merge([$states.input, {"both": $states.result}]) %}',
          Next: 'Each',
        },
        Each: map('JSONata'),
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, each scope reads what AWS lets it read', async (language) => {
    const result = await run(flow(language), { items: [1, 2], id: 'x' })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual([
      { seen: 1, id: 'x' },
      { seen: 2, id: 'x' },
    ])
    const entered = enteredStates(result.history)
    expect(entered.slice(0, 4)).toStrictEqual(['Init', 'Both', 'Read', 'Each'])
    // The two iterations run concurrently: their states interleave.
    expect(entered.slice(4).sort()).toStrictEqual(['Note', 'Note', 'Report', 'Report'])
  })
})
