// Coverage matrix (COVERAGE.md): each typing rule of issue 4 not yet covered by the other test-d suites,
// with accepted code (expectTypeOf) and rejected code (@ts-expect-error with the reason).
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  activity,
  and,
  array,
  arrayContains,
  arrayGetItem,
  arrayLength,
  arrayPartition,
  arrayRange,
  arrayUnique,
  base64Decode,
  base64Encode,
  awsSdk,
  type CaughtError,
  type DslTypeError,
  condition,
  dynamoGetItem,
  eq,
  eventBridgePutEvents,
  fail,
  type Fits,
  type FitsInput,
  format,
  fragment,
  goto,
  gt,
  hash,
  httpInvoke,
  type HttpResponse,
  isPresent,
  jsonata,
  jsonMerge,
  jsonToString,
  lambda,
  lambdaInvoke,
  localVariable,
  mathAdd,
  mathRandom,
  not,
  type OutputOf,
  pass,
  type Ref,
  set,
  type Simplify,
  sqsSendMessage,
  stringSplit,
  stringToJson,
  startExecution,
  type StartExecutionResult,
  task,
  taskToken,
  type TaskToken,
  uuid,
  timestampLt,
  type ValueRef,
  variable,
  wait,
  waitForTaskToken,
  workflow,
} from '../index.ts'

const Order = z.object({
  id: z.string(),
  total: z.number(),
  at: z.string(),
  role: z.string(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
})
type OrderType = z.input<typeof Order>
const charge = lambda('ChargeFunction', {
  input: z.object({ orderId: z.string(), amount: z.number() }),
  output: z.object({ paymentId: z.string(), fee: z.number() }),
})

describe('the execution input is the workflow schema', () => {
  test('its input type, not its output type (defaults and transforms apply after)', () => {
    const Defaults = z.object({ id: z.string(), retries: z.number().default(3) })
    workflow('Typed', { input: Defaults }, (start) => {
      expectTypeOf<OutputOf<typeof start>>().toEqualTypeOf<{ id: string; retries?: number }>()
      return start.pass('Keep')
    })
  })
})

describe('resultSelector() changes the type the next state sees', () => {
  test('accepted: the selected shape, read from the typed result', () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          .resultSelector((r) => ({ id: r.paymentId, cost: r.fee })),
      )
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ id: string; cost: number }>()
      return flow
    })
  })

  test('rejected: a field the result does not have', () => {
    workflow('F', { input: Order }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          // @ts-expect-error the result has paymentId and fee, not receipt
          .resultSelector((r) => ({ id: r.receipt })),
      ),
    )
  })

  test('a lambda:invoke envelope is read through Payload; an unwrapped one has no Payload', () => {
    const Input = z.object({ id: z.string() })
    const Output = z.object({ score: z.number() })
    const wrapped = task(lambdaInvoke('Score', { input: Input, output: Output })).resultSelector(
      (r) => ({ score: r.Payload.score, status: r.StatusCode }),
    )
    expectTypeOf<OutputOf<typeof wrapped>>().toEqualTypeOf<{ score: number; status: number }>()

    const unwrapped = task(lambdaInvoke('Score', { input: Input, output: Output, unwrap: true }))
    // @ts-expect-error unwrap: true hands on the Payload itself, which has no Payload field
    unwrapped.resultSelector((r) => ({ score: r.Payload }))
  })
})

describe('Catch output is typed', () => {
  test('resultPath(null) on a catcher hands the handler the state input; a dotted path nests the error', () => {
    task(charge).catch(
      ['States.ALL'],
      (h) => {
        expectTypeOf<OutputOf<typeof h>>().toEqualTypeOf<{ orderId: string; amount: number }>()
        return h.succeed('Kept')
      },
      { resultPath: null },
    )
    task(charge).catch(
      ['States.ALL'],
      (h) => {
        expectTypeOf<Simplify<OutputOf<typeof h>>['failure']>().toEqualTypeOf<{
          detail: CaughtError
        }>()
        return h.succeed('Nested')
      },
      { resultPath: 'failure.detail' },
    )
  })

  test("rejected: reading the state's input in a handler that got only { Error, Cause }", () => {
    task(charge).catch(['States.ALL'], (h) =>
      // @ts-expect-error without resultPath the error replaces the input: there is no orderId
      h.pass('Report', (p) => p.parameters((s) => ({ id: s.orderId }))),
    )
  })
})

describe('Parallel and fragments', () => {
  test('rejected: a Parallel whose branch needs data the chain does not have', () => {
    workflow('F', { input: Order }, (start) =>
      // @ts-expect-error charge needs orderId and amount, which the Order does not have
      start.parallel('Both', [(b) => b.pass('Left'), (b) => b.task(charge)]),
    )
  })

  test('a fragment is typed by its input: accepted where the data fits, rejected elsewhere', () => {
    const notify = fragment({ input: z.object({ id: z.string() }) }, (start) => start.pass('Note'))
    workflow('F', { input: Order }, (start) => start.next(notify('Fits')))
    workflow('G', { input: z.object({ other: z.number() }) }, (start) =>
      // @ts-expect-error the fragment needs an id, which this workflow's input does not have
      start.next(notify('Misfit')),
    )
  })

  test('nothing can follow Fail', () => {
    const ended = task(charge).next(fail('Failed', { error: 'E' }))
    // @ts-expect-error a chain that ends in Fail has no next()
    ended.next(pass('After'))
  })
})

describe('conditions by operand type', () => {
  test('accepted: timestamps on strings, isPresent and type tests anywhere, and/or/not, JSONata booleans', () => {
    workflow('F', { input: Order }, (start) =>
      start.choice('C', (c) =>
        c
          .when((s) => timestampLt(s.at, '2030-01-01T00:00:00Z'), pass('Old'))
          .when((s) => and(isPresent(s.lines), not(gt(s.total, 10))), pass('Small'))
          .when(() => condition(jsonata<boolean>('$states.input.total > 1')), pass('Big'))
          .otherwise(pass('Other')),
      ),
    )
  })

  test('rejected: a timestamp comparison on a number, a JSONata condition that is not boolean', () => {
    workflow('F', { input: Order }, (start) =>
      start.choice('C', (c) =>
        c
          // @ts-expect-error total is a number: timestamp comparisons need a string field
          .when((s) => timestampLt(s.total, '2030-01-01T00:00:00Z'), pass('Old'))
          // @ts-expect-error a Condition must be a boolean expression, this one is a number
          .when(() => condition(jsonata<number>('$states.input.total')), pass('Big')),
      ),
    )
  })
})

describe('intrinsics are typed helpers', () => {
  test('accepted: result types flow into the next state', () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.pass('P', (p) =>
        p.parameters((s) => ({
          sum: mathAdd(s.total, 1),
          count: arrayLength(s.lines),
          digest: hash(s.id, 'SHA-256'),
          text: format('{} x {}', s.id, s.total),
        })),
      )
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{
        sum: number
        count: number
        digest: string
        text: string
      }>()
      return flow
    })
  })

  test('rejected: wrong argument types, an unknown hash algorithm, a wrong number of format values', () => {
    workflow('F', { input: Order }, (start) =>
      start.pass('P', (p) =>
        p.parameters((s) => ({
          // @ts-expect-error States.MathAdd adds numbers; id is a string
          sum: mathAdd(s.id, 1),
          // @ts-expect-error States.ArrayLength needs an array; total is a number
          count: arrayLength(s.total),
          // @ts-expect-error SHA-999 is not an algorithm States.Hash knows
          digest: hash(s.id, 'SHA-999'),
          // @ts-expect-error one placeholder takes one value, not two
          text: format('{} only', s.id, s.total),
        })),
      ),
    )
  })
})

describe('JSONata expressions have declared result types, accepted where AWS takes an expression', () => {
  test('accepted: Items and MaxConcurrency as expressions', () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.map('Each', {
        items: () => jsonata<number[]>('[1..3]'),
        maxConcurrency: jsonata<number>('$count($states.input.lines)'),
        process: (n) => {
          expectTypeOf<OutputOf<typeof n>>().toEqualTypeOf<number>()
          return n.pass('Keep')
        },
      })
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<number[]>()
      return flow
    })
  })

  test('rejected: an expression of the wrong type for the field', () => {
    workflow('F', { input: Order }, (start) =>
      start.map('Each', {
        items: (s) => s.lines,
        // @ts-expect-error MaxConcurrency is a number; this expression yields a string
        maxConcurrency: jsonata<string>('"ten"'),
        process: (n) => n.pass('Keep'),
      }),
    )
  })
})

describe('number and string fields read from the data are typed', () => {
  test('accepted: timeout, heartbeat and credentials from fields of the right type', () => {
    workflow('F', { input: Order }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          .timeout((s) => s.total)
          .heartbeat(jsonata<number>('$states.input.total'))
          .credentials((s) => s.role),
      ),
    )
  })

  test('rejected: timeout from a string, credentials from a number', () => {
    workflow('F', { input: Order }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          // @ts-expect-error TimeoutSecondsPath must point to a number; id is a string
          .timeout((s) => s.id),
      ),
    )
    workflow('F', { input: Order }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          // @ts-expect-error the RoleArn is a string; total is a number
          .credentials((s) => s.total),
      ),
    )
  })

  test('rejected: Wait seconds from a string field, Map maxConcurrency from a string field', () => {
    workflow('F', { input: Order }, (start) =>
      // @ts-expect-error SecondsPath must point to a number; id is a string
      start.wait('Hold', { seconds: (s) => s.id }),
    )
    workflow('F', { input: Order }, (start) =>
      start.map('Each', {
        items: (s) => s.lines,
        // @ts-expect-error MaxConcurrencyPath must point to a number; id is a string
        maxConcurrency: (s) => s.id,
        process: (n) => n.pass('Keep'),
      }),
    )
  })

  test('accepted and rejected: Fail reads its error from a string field only', () => {
    workflow('F', { input: Order }, (start) => start.fail('Failed', { errorFrom: (s) => s.id }))
    workflow('F', { input: Order }, (start) =>
      // @ts-expect-error ErrorPath must point to a string; total is a number
      start.fail('Failed', { errorFrom: (s) => s.total }),
    )
  })

  test('rejected: options outside their ASL values', () => {
    // @ts-expect-error JitterStrategy is FULL or NONE
    task(charge).retry(['States.ALL'], { jitter: 'HALF' })
    // @ts-expect-error the query languages are JSONPath and JSONata
    task(charge).queryLanguage('YAML')
    // @ts-expect-error a Wait needs seconds or a timestamp, not both
    wait('Both', { seconds: 1, timestamp: '2030-01-01T00:00:00Z' })
  })
})

describe('variables are typed symbols', () => {
  const total = variable<number>('total')

  test('accepted: reading a variable gives its type', () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start
        .pass('Init', (p) => p.assign(total, (s) => s.total))
        .pass('Read', (p) => p.parameters(() => ({ total })))
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ total: number }>()
      return flow
    })
  })

  test('an inline Map iteration assigns its local variables, not the workflow variables', () => {
    const seen = localVariable<number>('seen')
    workflow('F', { input: Order }, (start) =>
      start.map('Each', {
        items: (s) => s.lines,
        process: (line) => line.pass('Note', (p) => p.assign(seen, (s) => s.qty)),
      }),
    )
    workflow('F', { input: Order }, (start) =>
      start.map('Each', {
        items: (s) => s.lines,
        // @ts-expect-error total is a workflow variable: read-only inside Map iterations
        process: (line) => line.pass('Set', (p) => p.assign(total, (s) => s.qty)),
      }),
    )
  })
})

describe('integrations are typed by their requests and responses', () => {
  test('accepted: typed responses (aws-sdk, DynamoDB item, HTTP body, start without waiting, activity)', () => {
    const list = task(
      awsSdk<{ Bucket: string }, { KeyCount: number }>('s3', 'listObjectsV2'),
    ).parameters(() => ({ Bucket: 'b' }))
    expectTypeOf<OutputOf<typeof list>>().toEqualTypeOf<{ KeyCount: number }>()

    const get = task(dynamoGetItem<{ id: { S: string } }>({ tableName: 'T' })).resultSelector(
      (r) => ({ id: r.Item.id.S }),
    )
    expectTypeOf<OutputOf<typeof get>>().toEqualTypeOf<{ id: string }>()

    const call = task(
      httpInvoke<{ ok: boolean }>({ apiEndpoint: 'https://x', method: 'GET', connectionArn: 'c' }),
    )
    expectTypeOf<OutputOf<typeof call>>().toEqualTypeOf<HttpResponse<{ ok: boolean }>>()

    const child = workflow('Child', { input: z.object({ id: z.string() }) }, (start) =>
      start.pass('Done'),
    )
    const started = task(startExecution(child))
    expectTypeOf<OutputOf<typeof started>>().toEqualTypeOf<StartExecutionResult>()

    const review = task(activity('Review', { input: Order, output: z.object({ ok: z.boolean() }) }))
    expectTypeOf<OutputOf<typeof review>>().toEqualTypeOf<{ ok: boolean }>()
  })

  test('rejected: requests that do not fit the declared request type', () => {
    workflow('F', { input: Order }, (start) =>
      start.task(awsSdk<{ Bucket: string }, { KeyCount: number }>('s3', 'listObjectsV2'), (t) =>
        // @ts-expect-error Bucket is a string; total is a number
        t.parameters((s) => ({ Bucket: s.total })),
      ),
    )
    workflow('F', { input: Order }, (start) =>
      start.task(eventBridgePutEvents<{ id: string }>(), (t) =>
        t.parameters((s) => ({
          // @ts-expect-error the event detail is { id: string }; total is a number
          Entries: [{ Detail: { id: s.total }, DetailType: 'T', Source: 's' }],
        })),
      ),
    )
  })

  test('the task token is a typed reference: accepted where a TaskToken is expected, a plain string is not', () => {
    expectTypeOf(taskToken()).toEqualTypeOf<ValueRef<TaskToken>>()
    const ask = waitForTaskToken(
      sqsSendMessage<{ token: TaskToken; id: string }>({ queueUrl: 'q' }),
      {
        output: z.object({ approved: z.boolean() }),
      },
    )
    workflow('F', { input: Order }, (start) =>
      start.task(ask, (t) =>
        t.parameters((s) => ({ MessageBody: { token: taskToken(), id: s.id } })),
      ),
    )
    workflow('F', { input: Order }, (start) =>
      start.task(ask, (t) =>
        // @ts-expect-error token must be the task token, not any string such as the order id
        t.parameters((s) => ({ MessageBody: { token: s.id, id: s.id } })),
      ),
    )
  })
})

describe('every intrinsic helper has a typed signature', () => {
  test('accepted: each result type', () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.pass('P', (p) =>
        p.parameters((s) => ({
          json: stringToJson<{ k: number }>(s.id),
          text: jsonToString(s.lines),
          array: array(s.id, 'x'),
          partition: arrayPartition(s.lines, 2),
          contains: arrayContains(s.lines, { sku: 'a', qty: 1 }),
          range: arrayRange(1, 9, 2),
          item: arrayGetItem(s.lines, 0),
          unique: arrayUnique(s.lines),
          encoded: base64Encode(s.id),
          decoded: base64Decode(s.id),
          merged: jsonMerge(s.lines[0] ?? { sku: '', qty: 0 }, { extra: true }),
          random: mathRandom(1, 10),
          split: stringSplit(s.id, ','),
          id: uuid(),
        })),
      )
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{
        json: { k: number }
        text: string
        array: string[]
        partition: { sku: string; qty: number }[][]
        contains: boolean
        range: number[]
        item: { sku: string; qty: number }
        unique: { sku: string; qty: number }[]
        encoded: string
        decoded: string
        merged: { sku: string; qty: number } & { extra: boolean }
        random: number
        split: string[]
        id: string
      }>()
      return flow
    })
  })

  test('rejected: an argument of the wrong type for each', () => {
    workflow('F', { input: Order }, (start) =>
      start.pass('P', (p) =>
        p.parameters((s) => ({
          // @ts-expect-error States.StringToJson parses a string; total is a number
          json: stringToJson(s.total),
          // @ts-expect-error States.ArrayPartition splits an array; id is a string
          partition: arrayPartition(s.id, 2),
          // @ts-expect-error the chunk size is a number
          chunks: arrayPartition(s.lines, 'two'),
          // @ts-expect-error States.ArrayRange takes numbers
          range: arrayRange('1', 9, 2),
          // @ts-expect-error States.ArrayGetItem takes a numeric index
          item: arrayGetItem(s.lines, s.id),
          // @ts-expect-error States.ArrayUnique takes an array
          unique: arrayUnique(s.total),
          // @ts-expect-error States.Base64Encode encodes a string
          encoded: base64Encode(s.total),
          // @ts-expect-error States.Base64Decode decodes a string
          decoded: base64Decode(s.lines),
          // @ts-expect-error States.MathRandom takes numbers
          random: mathRandom(s.id, 10),
          // @ts-expect-error States.StringSplit splits a string
          split: stringSplit(s.total, ','),
        })),
      ),
    )
  })
})

describe('Pass outputPath, Wait timestamps, heartbeats and goto() are typed too', () => {
  test('accepted: a Pass selects a part; a Wait reads a timestamp string; goto() a state the data fits', () => {
    const pause = wait('Pause', { seconds: 1 })
    workflow('F', { input: Order }, (start) => {
      const flow = start.pass('Lines', (p) => p.outputPath((s) => s.lines)).pass('Keep')
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ sku: string; qty: number }[]>()
      return flow
    })
    workflow('F', { input: Order }, (start) =>
      start
        .wait('Until', { timestamp: (s) => s.at })
        .next(pause)
        .choice('Again', (c) => c.when((s) => eq(s.id, 'x'), pass('Done')).otherwise(goto(pause))),
    )
  })

  test('rejected: a missing field, a timestamp from a number, a heartbeat from a string, a jump the data cannot feed', () => {
    workflow('F', { input: Order }, (start) =>
      // @ts-expect-error the Order has no field items
      start.pass('Lines', (p) => p.outputPath((s) => s.items)),
    )
    workflow('F', { input: Order }, (start) =>
      // @ts-expect-error TimestampPath must point to a string; total is a number
      start.wait('Until', { timestamp: (s) => s.total }),
    )
    workflow('F', { input: Order }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          // @ts-expect-error HeartbeatSecondsPath must point to a number; id is a string
          .heartbeat((s) => s.id),
      ),
    )
    const pay = task(charge)
    workflow('F', { input: Order }, (start) =>
      start.choice('Again', (c) =>
        // @ts-expect-error charge needs orderId and amount: jumping there with an Order cannot work
        c.when((s) => eq(s.id, 'x'), pass('Done')).otherwise(goto(pay)),
      ),
    )
  })
})

describe('set() checks the assigned value against the variable (catchers, Choice rules and default, Wait)', () => {
  const total = variable<number>('total')
  const lastError = variable<string>('lastError')

  test('accepted: values of the variable type from the error, the input or a literal', () => {
    task(charge).catch(['States.ALL'], fail('Failed'), {
      assign: (e) => [set(lastError, e.Cause)],
    })
    workflow('F', { input: Order }, (start) =>
      start.wait('Hold', { seconds: 1, assign: (s) => [set(total, s.total)] }).choice('C', (c) =>
        c
          .when((s) => gt(s.total, 1), pass('Big'), { assign: (s) => [set(total, s.total)] })
          .otherwise(pass('Small'))
          .assign(() => [set(total, 0)]),
      ),
    )
  })

  test('rejected: a value of another type', () => {
    task(charge).catch(['States.ALL'], fail('Failed'), {
      // @ts-expect-error total holds a number; the error's Cause is a string
      assign: (e) => [set(total, e.Cause)],
    })
    workflow('F', { input: Order }, (start) =>
      start.choice('C', (c) =>
        c
          // @ts-expect-error total holds a number; id is a string
          .when((s) => gt(s.total, 1), pass('Big'), { assign: (s) => [set(total, s.id)] })
          .otherwise(pass('Small')),
      ),
    )
    workflow('F', { input: Order }, (start) =>
      // @ts-expect-error lastError holds a string; total is a number
      start.wait('Hold', { seconds: 1, assign: (s) => [set(lastError, s.total)] }),
    )
  })
})

describe('the context object is typed', () => {
  test('accepted: its fields have their types; rejected: a field it does not have', () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.pass('Where', (p) =>
        p.parameters((_s, context) => ({
          execution: context.Execution.Name,
          retries: context.State.RetryCount,
        })),
      )
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ execution: string; retries: number }>()
      return flow
    })
    workflow('F', { input: Order }, (start) =>
      start.pass('Where', (p) =>
        // @ts-expect-error the context object's Execution has no field Owner
        p.parameters((_s, context) => ({ owner: context.Execution.Owner })),
      ),
    )
  })
})

describe('type errors read as sentences on the wrong argument', () => {
  test('a misfit next() target and a misfit task definition become DslTypeError sentences', () => {
    const pay = task(charge)
    expectTypeOf<Fits<OrderType, typeof pay>>().toEqualTypeOf<
      DslTypeError<
        "This state's input schema does not accept the previous state's output.",
        "missing field 'orderId'" | "missing field 'amount'"
      >
    >()
    expectTypeOf<Fits<{ orderId: string; amount: number }, typeof pay>>().toEqualTypeOf<
      typeof pay
    >()
    expectTypeOf<FitsInput<OrderType, { orderId: string }>>().toEqualTypeOf<
      DslTypeError<
        "This task's input schema does not accept the previous state's output: map it with parameters().",
        "missing field 'orderId'"
      >
    >()
  })
})

// A reference helper is typed like the data it points into (used by the tests above through `Ref`).
export type OrderRef = Ref<OrderType>
