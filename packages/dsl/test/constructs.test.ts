// Each construct lowered whole in both query languages, then executed by the runtime (same result in both).
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { enteredStates } from './history.ts'
import { z } from 'zod'
import {
  and,
  arrayRange,
  condition,
  jsonata,
  timestampGte,
  timestampLt,
  DslError,
  eq,
  fail,
  format,
  gt,
  gte,
  isNull,
  isNumeric,
  isPresent,
  isString,
  lambda,
  lambdaInvoke,
  lt,
  lte,
  mathAdd,
  matches,
  not,
  or,
  pass,
  task,
  variable,
  wait,
  workflow,
} from '../src/index.ts'

const aws = { region: 'us-east-1', account: '111111111111' } as const
const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const arn = (name: string): string => `arn:aws:lambda:us-east-1:111111111111:function:${name}`

const Order = z.object({
  order: z.object({ id: z.string(), total: z.number() }),
  lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
})
const order = {
  order: { id: 'o1', total: 5 },
  lines: [
    { sku: 'a', qty: 1 },
    { sku: 'b', qty: 0 },
  ],
}

const charge = lambda('ChargeFunction', {
  input: z.object({ orderId: z.string(), amount: z.number() }),
  output: z.object({ paymentId: z.string(), fee: z.number() }),
  handler: (input) => ({ paymentId: `p-${input.orderId}`, fee: input.amount / 10 }),
})

describe('Task data flow: parameters, resultSelector, resultPath, outputPath', () => {
  const flow = (queryLanguage: QueryLanguage) =>
    workflow('Flow', { input: Order, queryLanguage, ...aws }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.order.id, amount: s.order.total }))
          .resultSelector((r) => ({ id: r.paymentId }))
          .resultPath('payment')
          .outputPath((d) => d.payment),
      ),
    )

  test('lowers to Parameters/ResultSelector/ResultPath/OutputPath in JSONPath', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Charge',
      QueryLanguage: 'JSONPath',
      States: {
        Charge: {
          Type: 'Task',
          Resource: arn('ChargeFunction'),
          Parameters: { 'orderId.$': '$.order.id', 'amount.$': '$.order.total' },
          ResultSelector: { 'id.$': '$.paymentId' },
          ResultPath: '$.payment',
          OutputPath: '$.payment',
          End: true,
        },
      },
    })
  })

  test('lowers to Arguments and one Output in JSONata', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Charge',
      QueryLanguage: 'JSONata',
      States: {
        Charge: {
          Type: 'Task',
          Resource: arn('ChargeFunction'),
          Arguments: {
            orderId: '{% $states.input.order.id %}',
            amount: '{% $states.input.order.total %}',
          },
          Output:
            '{% ($merge([$states.input, {"payment": {"id": $states.result.paymentId}}])).payment %}',
          End: true,
        },
      },
    })
  })

  test.each(languages)('runs to the same output in %s', async (language) => {
    const result = await run(flow(language), order)

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ id: 'p-o1' })
  })
})

describe('Lambda through lambda:invoke', () => {
  const reserve = lambdaInvoke('ReserveFunction', {
    input: z.object({ sku: z.string() }),
    output: z.object({ ok: z.boolean() }),
    handler: (input) => ({ ok: input.sku === 'a' }),
  })
  const reserveUnwrapped = lambdaInvoke('ReserveFunction', {
    input: z.object({ sku: z.string() }),
    output: z.object({ ok: z.boolean() }),
    unwrap: true,
    handler: (input) => ({ ok: input.sku === 'a' }),
    stateName: 'ReserveUnwrapped',
  })
  const Line = z.object({ sku: z.string() })

  test('passes the input as Payload and types the envelope', async () => {
    const flow = workflow('Invoke', { input: Line, ...aws }, (start) =>
      start.task(reserve, (t) => t.resultSelector((r) => ({ ok: r.Payload.ok }))),
    )

    expect(flow.toAsl().States['Reserve']).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: arn('ReserveFunction'), 'Payload.$': '$' },
      ResultSelector: { 'ok.$': '$.Payload.ok' },
      End: true,
    })
    expect((await run(flow, { sku: 'a' })).output).toStrictEqual({ ok: true })
  })

  test.each(languages)('unwrap: true hands on the Payload in %s', async (language) => {
    const flow = workflow('Unwrap', { input: Line, queryLanguage: language, ...aws }, (start) =>
      start.task(reserveUnwrapped),
    )

    expect(flow.toAsl().States['ReserveUnwrapped']).toStrictEqual(
      language === 'JSONPath'
        ? {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: arn('ReserveFunction'), 'Payload.$': '$' },
            OutputPath: '$.Payload',
            End: true,
          }
        : {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { FunctionName: arn('ReserveFunction'), Payload: '{% $states.input %}' },
            Output: '{% $states.result.Payload %}',
            End: true,
          },
    )
    expect((await run(flow, { sku: 'b' })).output).toStrictEqual({ ok: false })
  })

  test('unwrap with resultPath works in JSONata and is refused in JSONPath with the fix', async () => {
    const build = (language: QueryLanguage) =>
      workflow('UnwrapPlaced', { input: Line, queryLanguage: language, ...aws }, (start) =>
        start.task(reserveUnwrapped, (t) => t.resultPath('reserved')),
      )

    expect((await run(build('JSONata'), { sku: 'a' })).output).toStrictEqual({
      sku: 'a',
      reserved: { ok: true },
    })
    expect(() => build('JSONPath').toAsl()).toThrow(
      "SFN107: 'ReserveUnwrapped' selects part of its result with a reference and also places it with resultPath()/outputPath(), which JSONPath cannot express: select an object in resultSelector(), or use JSONata.",
    )
  })
})

describe('Pass', () => {
  test.each(languages)(
    'result with resultPath, then parameters with intrinsics, in %s',
    async (language) => {
      const flow = workflow('Passes', { input: Order, queryLanguage: language }, (start) =>
        start
          .pass('Defaults', (p) => p.resultPath('defaults'))
          .next(pass('Fixed', { result: { retries: 2 } }).resultPath('config'))
          .pass('Shape', (p) =>
            p.parameters((s) => ({
              text: format('Order {} costs {}', s.order.id, s.order.total),
              range: arrayRange(1, 5, 2),
              next: mathAdd(s.config.retries, 1),
              fixed: 'literal',
            })),
          ),
      )

      const result = await run(flow, order)

      expect(result.output).toStrictEqual({
        text: 'Order o1 costs 5',
        range: [1, 3, 5],
        next: 3,
        fixed: 'literal',
      })
      expect(flow.toAsl().States).toStrictEqual(
        language === 'JSONPath'
          ? {
              Defaults: { Type: 'Pass', ResultPath: '$.defaults', Next: 'Fixed' },
              Fixed: {
                Type: 'Pass',
                Result: { retries: 2 },
                ResultPath: '$.config',
                Next: 'Shape',
              },
              Shape: {
                Type: 'Pass',
                Parameters: {
                  'text.$': "States.Format('Order {} costs {}', $.order.id, $.order.total)",
                  'range.$': 'States.ArrayRange(1, 5, 2)',
                  'next.$': 'States.MathAdd($.config.retries, 1)',
                  fixed: 'literal',
                },
                End: true,
              },
            }
          : {
              Defaults: {
                Type: 'Pass',
                Output: '{% $merge([$states.input, {"defaults": $states.input}]) %}',
                Next: 'Fixed',
              },
              Fixed: {
                Type: 'Pass',
                Output: '{% $merge([$states.input, {"config": {"retries":2}}]) %}',
                Next: 'Shape',
              },
              Shape: {
                Type: 'Pass',
                Output: {
                  text: '{% ("Order " & $string($states.input.order.id) & " costs " & $string($states.input.order.total)) %}',
                  range: '{% [$range(1, 5, 2)] %}',
                  next: '{% ($floor(($states.input.config.retries) + 0.5) + 1) %}',
                  fixed: 'literal',
                },
                End: true,
              },
            },
      )
    },
  )
})

describe('Choice', () => {
  const Data = z.object({
    name: z.string(),
    n: z.number(),
    flag: z.boolean(),
    maybe: z.string().nullable().optional(),
  })
  const flow = (language: QueryLanguage) =>
    workflow('Route', { input: Data, queryLanguage: language }, (start) =>
      start.choice('Route', (c) =>
        c
          .when(
            (s) => and(eq(s.name, 'x'), gt(s.n, 10)),
            (b) => b.pass('BigX'),
          )
          .when(
            (s) => or(lt(s.n, 0), lte(s.n, -100)),
            (b) => b.pass('Negative'),
          )
          .when(
            (s) => not(eq(s.flag, true)),
            (b) => b.pass('Unflagged'),
          )
          .when(
            (s) => and(isPresent(s.maybe), isNull(s.maybe)),
            (b) => b.pass('NullMaybe'),
          )
          .when(
            (s) => matches(s.name, 'log-*.txt'),
            (b) => b.pass('LogFile'),
          )
          .when(
            (s) => and(isString(s.name), isNumeric(s.n), gte(s.n, 5)),
            (b) => b.pass('Five'),
          )
          .otherwise(fail('NoRoute', { error: 'NoRoute' })),
      ),
    )

  test('lowers each operator to its JSONPath rule', () => {
    expect(flow('JSONPath').toAsl().States['Route']).toStrictEqual({
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.name', StringEquals: 'x' },
            { Variable: '$.n', NumericGreaterThan: 10 },
          ],
          Next: 'BigX',
        },
        {
          Or: [
            { Variable: '$.n', NumericLessThan: 0 },
            { Variable: '$.n', NumericLessThanEquals: -100 },
          ],
          Next: 'Negative',
        },
        { Not: { Variable: '$.flag', BooleanEquals: true }, Next: 'Unflagged' },
        {
          And: [
            { Variable: '$.maybe', IsPresent: true },
            // A type test is guarded by IsPresent (gap 4): false, not an error, on an absent field.
            {
              And: [
                { Variable: '$.maybe', IsPresent: true },
                { Variable: '$.maybe', IsNull: true },
              ],
            },
          ],
          Next: 'NullMaybe',
        },
        { Variable: '$.name', StringMatches: 'log-*.txt', Next: 'LogFile' },
        {
          And: [
            {
              And: [
                { Variable: '$.name', IsPresent: true },
                { Variable: '$.name', IsString: true },
              ],
            },
            {
              And: [
                { Variable: '$.n', IsPresent: true },
                { Variable: '$.n', IsNumeric: true },
              ],
            },
            { Variable: '$.n', NumericGreaterThanEquals: 5 },
          ],
          Next: 'Five',
        },
      ],
      Default: 'NoRoute',
    })
  })

  test('lowers each operator to a JSONata Condition', () => {
    const route = flow('JSONata').toAsl().States['Route'] as { Choices: { Condition: string }[] }

    expect(route.Choices.map((rule) => rule.Condition)).toStrictEqual([
      '{% ($states.input.name = "x") and ($states.input.n > 10) %}',
      '{% ($states.input.n < 0) or ($states.input.n <= -100) %}',
      '{% $not($states.input.flag = true) %}',
      '{% ($exists($states.input.maybe)) and (($states.input.maybe = null)) %}',
      '{% $contains($states.input.name, /^log-.*\\.txt$/) %}',
      '{% (($type($states.input.name) = "string")) and (($type($states.input.n) = "number")) and ($states.input.n >= 5) %}',
    ])
  })

  const cases: [string, z.input<typeof Data>, string][] = [
    ['an And of equality and a number', { name: 'x', n: 11, flag: true }, 'BigX'],
    ['an Or', { name: 'y', n: -1, flag: true }, 'Negative'],
    ['a Not', { name: 'y', n: 1, flag: false }, 'Unflagged'],
    ['presence and null', { name: 'y', n: 1, flag: true, maybe: null }, 'NullMaybe'],
    ['a string pattern', { name: 'log-1.txt', n: 1, flag: true }, 'LogFile'],
    ['type tests', { name: 'y', n: 5, flag: true }, 'Five'],
  ]
  for (const language of languages) {
    test.each(cases)(`${language}: %s picks its branch`, async (_, input, expected) => {
      const result = await run(flow(language), input)

      expect(enteredStates(result.history)).toStrictEqual(['Route', expected])
    })
  }
})

describe('Wait', () => {
  const Timing = z.object({ delay: z.number(), at: z.string() })

  test.each(languages)(
    'lowers its four forms in %s and waits on the virtual clock',
    async (language) => {
      const flow = workflow('Waits', { input: Timing, queryLanguage: language }, (start) =>
        start
          .wait('Seconds', { seconds: 3 })
          .wait('SecondsPath', { seconds: (s) => s.delay })
          .wait('Timestamp', { timestamp: '2020-01-01T00:00:00Z' })
          .wait('TimestampPath', { timestamp: (s) => s.at }),
      )

      const result = await run(flow, { delay: 5, at: '2020-01-01T00:00:00Z' })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.elapsedMs).toBe(8000)
      expect(flow.toAsl().States).toStrictEqual(
        language === 'JSONPath'
          ? {
              Seconds: { Type: 'Wait', Seconds: 3, Next: 'SecondsPath' },
              SecondsPath: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Timestamp' },
              Timestamp: { Type: 'Wait', Timestamp: '2020-01-01T00:00:00Z', Next: 'TimestampPath' },
              TimestampPath: { Type: 'Wait', TimestampPath: '$.at', End: true },
            }
          : {
              Seconds: { Type: 'Wait', Seconds: 3, Next: 'SecondsPath' },
              SecondsPath: {
                Type: 'Wait',
                Seconds: '{% $states.input.delay %}',
                Next: 'Timestamp',
              },
              Timestamp: { Type: 'Wait', Timestamp: '2020-01-01T00:00:00Z', Next: 'TimestampPath' },
              TimestampPath: { Type: 'Wait', Timestamp: '{% $states.input.at %}', End: true },
            },
      )
    },
  )

  test('refuses a timestamp that is not RFC 3339', () => {
    expect(() => wait('Bad', { timestamp: '2020-01-01' })).toThrow(
      "SFN104: Wait 'Bad' has timestamp '2020-01-01', which is not RFC 3339: write it like '2026-01-01T00:00:00Z'.",
    )
  })
})

describe('Fail with ErrorPath and CausePath', () => {
  const Problem = z.object({ code: z.string(), detail: z.string() })

  test.each(languages)('reads the error and cause from the input in %s', async (language) => {
    const flow = workflow('Fails', { input: Problem, queryLanguage: language }, (start) =>
      start.fail('Failed', {
        errorFrom: (s) => s.code,
        causeFrom: (s) => format('Because {}', s.detail),
      }),
    )

    const result = await run(flow, { code: 'Bad.Thing', detail: 'it broke' })

    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'Bad.Thing',
      cause: 'Because it broke',
    })
    expect(flow.toAsl().States['Failed']).toStrictEqual(
      language === 'JSONPath'
        ? { Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('Because {}', $.detail)" }
        : {
            Type: 'Fail',
            Error: '{% $states.input.code %}',
            Cause: '{% ("Because " & $string($states.input.detail)) %}',
          },
    )
  })
})

describe('Parallel', () => {
  test.each(languages)(
    'runs the branches on the same input; the output is the tuple, in %s',
    async (language) => {
      const flow = workflow('Both', { input: Order, queryLanguage: language, ...aws }, (start) =>
        start.parallel('Both', [
          (b) =>
            b.task(charge, (t) =>
              t.parameters((s) => ({ orderId: s.order.id, amount: s.order.total })),
            ),
          (b) => b.pass('Count', (p) => p.parameters((s) => ({ lines: s.lines }))),
        ]),
      )

      const result = await run(flow, order)

      expect(result.output).toStrictEqual([{ paymentId: 'p-o1', fee: 0.5 }, { lines: order.lines }])
      expect(flow.toAsl().States['Both']).toMatchObject({
        Type: 'Parallel',
        Branches: [{ StartAt: 'Charge' }, { StartAt: 'Count' }],
        End: true,
      })
    },
  )
})

describe('Map', () => {
  const pick = lambda('PickFunction', {
    input: z.object({ sku: z.string(), index: z.number(), orderId: z.string() }),
    output: z.object({ picked: z.string() }),
    handler: (input) => ({ picked: `${input.orderId}/${input.index}/${input.sku}` }),
  })
  const flow = (language: QueryLanguage) =>
    workflow('Lines', { input: Order, queryLanguage: language, ...aws }, (start) =>
      start.map(
        'EachLine',
        {
          items: (s) => s.lines,
          itemSelector: (item, index, s) => ({ sku: item.sku, index, orderId: s.order.id }),
          maxConcurrency: 2,
          process: (line) => line.task(pick),
        },
        (m) => m.resultPath('picked'),
      ),
    )

  test('lowers items, ItemSelector and the processor in JSONPath', () => {
    expect(flow('JSONPath').toAsl().States['EachLine']).toStrictEqual({
      Type: 'Map',
      ItemsPath: '$.lines',
      ItemSelector: {
        'sku.$': '$$.Map.Item.Value.sku',
        'index.$': '$$.Map.Item.Index',
        'orderId.$': '$.order.id',
      },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Pick',
        States: { Pick: { Type: 'Task', Resource: arn('PickFunction'), End: true } },
      },
      MaxConcurrency: 2,
      ResultPath: '$.picked',
      End: true,
    })
  })

  test('lowers Items and ItemSelector expressions in JSONata', () => {
    expect(flow('JSONata').toAsl().States['EachLine']).toMatchObject({
      Items: '{% $states.input.lines %}',
      ItemSelector: {
        sku: '{% $states.context.Map.Item.Value.sku %}',
        index: '{% $states.context.Map.Item.Index %}',
        orderId: '{% $states.input.order.id %}',
      },
      Output: '{% $merge([$states.input, {"picked": $states.result}]) %}',
    })
  })

  test.each(languages)(
    'iterates with the item, its index and the parent input in %s',
    async (language) => {
      const result = await run(flow(language), order)

      expect(result.output).toStrictEqual({
        ...order,
        picked: [{ picked: 'o1/0/a' }, { picked: 'o1/1/b' }],
      })
    },
  )

  test('lowers a Distributed Map with reader, batcher, writer and tolerated failures', () => {
    const build = (language: QueryLanguage) =>
      workflow(
        'Records',
        { input: z.object({ bucket: z.string() }), queryLanguage: language },
        (start) =>
          start.map('EachRecord', {
            itemSchema: z.object({ id: z.string() }),
            process: (record) => record.pass('Transform'),
            maxConcurrency: 100,
            distributed: {
              executionType: 'EXPRESS',
              itemReader: {
                resource: 'arn:aws:states:::s3:getObject',
                readerConfig: { InputType: 'JSONL' },
                maxItems: 1000,
                parameters: (s) => ({ Bucket: s.bucket, Key: 'records.jsonl' }),
              },
              itemBatcher: { maxItemsPerBatch: 10 },
              resultWriter: {
                resource: 'arn:aws:states:::s3:putObject',
                parameters: (s) => ({ Bucket: s.bucket, Prefix: 'out' }),
              },
              toleratedFailurePercentage: 5,
              label: 'Records',
            },
          }),
      )

    expect(build('JSONPath').toAsl().States['EachRecord']).toStrictEqual({
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Transform',
        States: { Transform: { Type: 'Pass', End: true } },
      },
      MaxConcurrency: 100,
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSONL', MaxItems: 1000 },
        Parameters: { 'Bucket.$': '$.bucket', Key: 'records.jsonl' },
      },
      ItemBatcher: { MaxItemsPerBatch: 10 },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { 'Bucket.$': '$.bucket', Prefix: 'out' },
      },
      ToleratedFailurePercentage: 5,
      Label: 'Records',
      End: true,
    })
    expect(build('JSONata').toAsl().States['EachRecord']).toMatchObject({
      ItemReader: { Arguments: { Bucket: '{% $states.input.bucket %}', Key: 'records.jsonl' } },
      ResultWriter: { Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: 'out' } },
    })
  })
})

describe('Retry and Catch', () => {
  class CardDeclined extends Error {
    override name = 'CardDeclined'
  }
  const declining = lambda('ChargeFunction', {
    input: z.object({ orderId: z.string(), amount: z.number() }),
    output: z.object({ paymentId: z.string(), fee: z.number() }),
    handler: () => {
      throw new CardDeclined('insufficient funds')
    },
  })
  const flow = (language: QueryLanguage) =>
    workflow(
      'Charging',
      {
        input: z.object({ orderId: z.string(), amount: z.number() }),
        queryLanguage: language,
        ...aws,
      },
      (start) =>
        start.task(declining, (t) =>
          t
            .retry(['CardDeclined'], {
              intervalSeconds: 2,
              maxAttempts: 2,
              backoffRate: 3,
              maxDelaySeconds: 5,
              jitter: 'NONE',
            })
            .catch(['States.ALL'], (h) => h.pass('Declined'), { resultPath: 'error' }),
        ),
    )

  test.each(languages)(
    'retries on the virtual clock, then catches with the error at resultPath, in %s',
    async (language) => {
      const result = await run(flow(language), { orderId: 'o1', amount: 5 })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.elapsedMs).toBe(7000)
      expect(result.output).toStrictEqual({
        orderId: 'o1',
        amount: 5,
        error: { Error: 'CardDeclined', Cause: expect.stringContaining('insufficient funds') },
      })
      expect(flow(language).toAsl().States['Charge']).toStrictEqual({
        Type: 'Task',
        Resource: arn('ChargeFunction'),
        Retry: [
          {
            ErrorEquals: ['CardDeclined'],
            IntervalSeconds: 2,
            MaxAttempts: 2,
            BackoffRate: 3,
            MaxDelaySeconds: 5,
            JitterStrategy: 'NONE',
          },
        ],
        Catch: [
          language === 'JSONPath'
            ? { ErrorEquals: ['States.ALL'], Next: 'Declined', ResultPath: '$.error' }
            : {
                ErrorEquals: ['States.ALL'],
                Next: 'Declined',
                Output: '{% $merge([$states.input, {"error": $states.errorOutput}]) %}',
              },
        ],
        End: true,
      })
    },
  )
})

describe('Timeouts, heartbeats and credentials', () => {
  test.each(languages)('lower literal and data-driven forms in %s', (language) => {
    const Input = z.object({
      orderId: z.string(),
      amount: z.number(),
      limit: z.number(),
      role: z.string(),
    })
    const flow = workflow('Timed', { input: Input, queryLanguage: language, ...aws }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.orderId, amount: s.amount }))
          .timeout((s) => s.limit)
          .heartbeat(10)
          .credentials((s) => s.role),
      ),
    )

    expect(flow.toAsl().States['Charge']).toMatchObject(
      language === 'JSONPath'
        ? {
            TimeoutSecondsPath: '$.limit',
            HeartbeatSeconds: 10,
            Credentials: { 'RoleArn.$': '$.role' },
          }
        : {
            TimeoutSeconds: '{% $states.input.limit %}',
            HeartbeatSeconds: 10,
            Credentials: { RoleArn: '{% $states.input.role %}' },
          },
    )
  })
})

describe('Variables', () => {
  const paymentId = variable<string>('paymentId')

  test.each(languages)(
    'assign() sets a variable that a later state reads, in %s',
    async (language) => {
      const flow = workflow(
        'Vars',
        {
          input: z.object({ orderId: z.string(), amount: z.number() }),
          queryLanguage: language,
          ...aws,
        },
        (start) =>
          start
            .task(charge, (t) => t.assign(paymentId, (r) => r.paymentId))
            .pass('Report', (p) => p.parameters(() => ({ paid: paymentId }))),
      )

      const result = await run(flow, { orderId: 'o9', amount: 1 })

      expect(result.output).toStrictEqual({ paid: 'p-o9' })
      expect(flow.toAsl().States['Charge']).toMatchObject({
        Assign:
          language === 'JSONPath'
            ? { 'paymentId.$': '$.paymentId' }
            : { paymentId: '{% $states.result.paymentId %}' },
      })
      expect(flow.toAsl().States['Report']).toMatchObject(
        language === 'JSONPath'
          ? { Parameters: { 'paid.$': '$paymentId' } }
          : { Output: { paid: '{% $paymentId %}' } },
      )
    },
  )

  test('refuses a variable name AWS refuses', () => {
    expect(() => variable('states')).toThrow(DslError)
    expect(() => variable('1x')).toThrow(DslError)
  })
})

describe('per-state query language', () => {
  test('a JSONata state inside a JSONPath workflow says so and uses Arguments/Output', async () => {
    const flow = workflow(
      'Mixed',
      { input: z.object({ orderId: z.string(), amount: z.number() }), ...aws },
      (start) => start.next(task(charge).resultPath('payment').queryLanguage('JSONata')),
    )

    expect(flow.toAsl().States['Charge']).toStrictEqual({
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: arn('ChargeFunction'),
      Output: '{% $merge([$states.input, {"payment": $states.result}]) %}',
      End: true,
    })
    expect((await run(flow, { orderId: 'o1', amount: 10 })).output).toStrictEqual({
      orderId: 'o1',
      amount: 10,
      payment: { paymentId: 'p-o1', fee: 1 },
    })
  })
})

describe('timestamp comparisons and JSONata conditions', () => {
  const Event = z.object({ at: z.string(), items: z.array(z.number()) })
  const flow = (language: QueryLanguage) =>
    workflow('When', { input: Event, queryLanguage: language }, (start) =>
      start.choice('When', (c) =>
        c
          .when(
            (s) => timestampLt(s.at, '2020-01-01T00:00:00Z'),
            (b) => b.pass('Before2020'),
          )
          .when(
            (s) => timestampGte(s.at, new Date('2030-01-01T00:00:00Z')),
            (b) => b.pass('From2030'),
          )
          .otherwise((b) => b.pass('Between')),
      ),
    )

  test('lower to Timestamp operators in JSONPath and $toMillis in JSONata', () => {
    expect(flow('JSONPath').toAsl().States['When']).toMatchObject({
      Choices: [
        { Variable: '$.at', TimestampLessThan: '2020-01-01T00:00:00Z', Next: 'Before2020' },
        {
          Variable: '$.at',
          TimestampGreaterThanEquals: '2030-01-01T00:00:00.000Z',
          Next: 'From2030',
        },
      ],
    })
    expect(flow('JSONata').toAsl().States['When']).toMatchObject({
      Choices: [
        { Condition: '{% $toMillis($states.input.at) < $toMillis("2020-01-01T00:00:00Z") %}' },
        { Condition: '{% $toMillis($states.input.at) >= $toMillis("2030-01-01T00:00:00.000Z") %}' },
      ],
    })
  })

  test.each(languages)('compare instants in %s', async (language) => {
    const at = async (value: string) =>
      enteredStates((await run(flow(language), { at: value, items: [] })).history)[1]

    expect(await at('2019-06-01T00:00:00Z')).toBe('Before2020')
    expect(await at('2031-01-01T00:00:00+02:00')).toBe('From2030')
    expect(await at('2025-01-01T00:00:00Z')).toBe('Between')
  })

  test('condition() takes a typed JSONata expression, in JSONata states only', async () => {
    const build = (language: QueryLanguage) =>
      workflow('Many', { input: Event, queryLanguage: language }, (start) =>
        start.choice('Many', (c) =>
          c
            .when(
              () => condition(jsonata<boolean>('$count($states.input.items) > 2')),
              (b) => b.pass('Lots'),
            )
            .otherwise((b) => b.pass('Few')),
        ),
      )

    expect(
      enteredStates((await run(build('JSONata'), { at: '', items: [1, 2, 3] })).history),
    ).toStrictEqual(['Many', 'Lots'])
    expect(() => build('JSONPath').toAsl()).toThrow(
      /^SFN107: A condition\(\) with a JSONata expression needs a JSONata state/,
    )
  })
})

describe('Distributed Map, executed', () => {
  test.each(languages)('runs child executions over the items in %s', async (language) => {
    const flow = workflow(
      'Distributed',
      { input: z.object({ xs: z.array(z.number()) }), queryLanguage: language },
      (start) =>
        start.map('Each', {
          items: (s) => s.xs,
          itemSelector: (item, index) => ({ v: item, index }),
          distributed: { executionType: 'EXPRESS', toleratedFailureCount: 0 },
          process: (iteration) => iteration.pass('Keep'),
        }),
    )

    const result = await run(flow, { xs: [1, 2] })

    expect(result.output).toStrictEqual([
      { v: 1, index: 0 },
      { v: 2, index: 1 },
    ])
    expect(flow.toAsl().States['Each']).toMatchObject({
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
      ToleratedFailureCount: 0,
    })
  })
})

describe('comparing two fields', () => {
  const Limits = z.object({
    amount: z.number(),
    limit: z.number(),
    from: z.string(),
    to: z.string(),
  })
  const flow = (language: QueryLanguage) =>
    workflow('Limits', { input: Limits, queryLanguage: language }, (start) =>
      start.choice('Check', (c) =>
        c
          .when(
            (s) => gt(s.amount, s.limit),
            (b) => b.pass('OverLimit'),
          )
          .when(
            (s) => eq(s.from, s.to),
            (b) => b.pass('SamePlace'),
          )
          .otherwise((b) => b.pass('Fine')),
      ),
    )

  test('lowers to …Path operators guarded by type tests in JSONPath, plain operators in JSONata', () => {
    expect(flow('JSONPath').toAsl().States['Check']).toMatchObject({
      Choices: [
        {
          Or: [
            {
              And: [
                { Variable: '$.amount', IsString: true },
                { Variable: '$.amount', StringGreaterThanPath: '$.limit' },
              ],
            },
            {
              And: [
                { Variable: '$.amount', IsNumeric: true },
                { Variable: '$.amount', NumericGreaterThanPath: '$.limit' },
              ],
            },
          ],
          Next: 'OverLimit',
        },
        {
          Or: [
            {
              And: [
                { Variable: '$.from', IsString: true },
                { Variable: '$.from', StringEqualsPath: '$.to' },
              ],
            },
            {
              And: [
                { Variable: '$.from', IsNumeric: true },
                { Variable: '$.from', NumericEqualsPath: '$.to' },
              ],
            },
            {
              And: [
                { Variable: '$.from', IsBoolean: true },
                { Variable: '$.from', BooleanEqualsPath: '$.to' },
              ],
            },
          ],
          Next: 'SamePlace',
        },
      ],
    })
    expect(flow('JSONata').toAsl().States['Check']).toMatchObject({
      Choices: [
        { Condition: '{% $states.input.amount > $states.input.limit %}' },
        { Condition: '{% $states.input.from = $states.input.to %}' },
      ],
    })
  })

  test.each(languages)('picks by the two values in %s', async (language) => {
    const pick = async (input: z.input<typeof Limits>) =>
      enteredStates((await run(flow(language), input)).history)[1]

    expect(await pick({ amount: 10, limit: 5, from: 'a', to: 'b' })).toBe('OverLimit')
    expect(await pick({ amount: 1, limit: 5, from: 'a', to: 'a' })).toBe('SamePlace')
    expect(await pick({ amount: 1, limit: 5, from: 'a', to: 'b' })).toBe('Fine')
  })
})

describe('Distributed Map with an ItemBatcher', () => {
  test.each(languages)('hands each child { Items, BatchInput } in %s', async (language) => {
    const Job = z.object({ ids: z.array(z.string()), runId: z.string() })
    const flow = workflow('Batches', { input: Job, queryLanguage: language }, (start) =>
      start.map('Batch', {
        items: (s) => s.ids,
        distributed: {
          itemBatcher: { maxItemsPerBatch: 2 },
          batchInput: (s) => ({ runId: s.runId }),
        },
        process: (batch) =>
          batch.pass('Count', (p) =>
            p.parameters((b) => ({ items: b.Items, run: b.BatchInput.runId })),
          ),
      }),
    )

    const result = await run(flow, { ids: ['a', 'b', 'c'], runId: 'r1' })

    expect(result.output).toStrictEqual([
      { items: ['a', 'b'], run: 'r1' },
      { items: ['c'], run: 'r1' },
    ])
  })
})

describe('Succeed with an output path', () => {
  test.each(languages)('outputs part of its input in %s', async (language) => {
    const flow = workflow('Done', { input: Order, queryLanguage: language }, (start) =>
      start.succeed('Done', { outputPath: (s) => s.order }),
    )

    expect(flow.toAsl().States['Done']).toStrictEqual(
      language === 'JSONPath'
        ? { Type: 'Succeed', OutputPath: '$.order' }
        : { Type: 'Succeed', Output: '{% $states.input.order %}' },
    )
    expect((await run(flow, order)).output).toStrictEqual({ id: 'o1', total: 5 })
  })
})
