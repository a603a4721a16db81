import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  arrayRange,
  type CaughtError,
  eq,
  format,
  gt,
  jsonata,
  lambda,
  lambdaInvoke,
  type LambdaInvokeResult,
  lt,
  map,
  type MapRunResult,
  matches,
  type OutputOf,
  type Ref,
  type Simplify,
  pass,
  sqsSendMessage,
  startExecution,
  succeed,
  task,
  variable,
  wait,
  waitForTaskToken,
  workflow,
} from '../index.ts'

const Order = z.object({
  id: z.string(),
  total: z.number(),
  lines: z.array(z.object({ sku: z.string() })),
})
type OrderType = z.input<typeof Order>
const charge = lambda('ChargeFunction', {
  input: z.object({ orderId: z.string(), amount: z.number() }),
  output: z.object({ paymentId: z.string() }),
})

describe('ResultSelector, ResultPath and OutputPath change the type the next state sees', () => {
  test('resultPath() places the result at its field; outputPath() selects', () => {
    workflow('F', { input: Order }, (start) => {
      const placed = start.task(charge, (t) =>
        t.parameters((s) => ({ orderId: s.id, amount: s.total })).resultPath('payment'),
      )
      expectTypeOf<Simplify<OutputOf<typeof placed>>>().toEqualTypeOf<{
        id: string
        total: number
        lines: { sku: string }[]
        payment: { paymentId: string }
      }>()

      const selected = start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          .resultSelector((r) => ({ pid: r.paymentId }))
          .resultPath('payment')
          .outputPath((d) => d.payment),
      )
      expectTypeOf<OutputOf<typeof selected>>().toEqualTypeOf<{ pid: string }>()
      return selected
    })
  })

  test('resultPath(null) keeps the input type', () => {
    workflow('F', { input: Order }, (start) => {
      const kept = start.task(charge, (t) =>
        t.parameters((s) => ({ orderId: s.id, amount: s.total })).resultPath(null),
      )
      expectTypeOf<OutputOf<typeof kept>>().toEqualTypeOf<OrderType>()
      return kept
    })
  })

  test('a standalone pass with resultPath() resolves against what it is chained after', () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.next(pass('Fixed', { result: { retries: 2 } }).resultPath('config'))
      expectTypeOf<Simplify<OutputOf<typeof flow>>>().toEqualTypeOf<{
        id: string
        total: number
        lines: { sku: string }[]
        config: { retries: number }
      }>()
      return flow
    })
  })

  test('parameters() must fit the task input schema, reported on the wrong field', () => {
    workflow('F', { input: Order }, (start) =>
      start.task(charge, (t) =>
        // @ts-expect-error amount must be a number; s.id is a string
        t.parameters((s) => ({ orderId: s.id, amount: s.id })),
      ),
    )
  })

  test('a task whose schema the data cannot feed is refused without parameters()', () => {
    workflow('F', { input: Order }, (start) =>
      // @ts-expect-error Order has no orderId/amount: map it with parameters()
      start.task(charge),
    )
  })

  test('outputPath() can only select fields that exist after resultPath()', () => {
    workflow('F', { input: Order }, (start) =>
      start.task(charge, (t) =>
        t
          .parameters((s) => ({ orderId: s.id, amount: s.total }))
          .resultPath('payment')
          // @ts-expect-error there is no field 'paymnet'
          .outputPath((d) => d.paymnet),
      ),
    )
  })
})

describe('Catch output is typed', () => {
  test('the handler receives { Error, Cause }, or the input with it at resultPath', () => {
    task(charge).catch(['States.ALL'], (h) => {
      expectTypeOf<OutputOf<typeof h>>().toEqualTypeOf<CaughtError>()
      return h.succeed('Handled')
    })
    task(charge).catch(
      ['States.ALL'],
      (h) => {
        expectTypeOf<Simplify<OutputOf<typeof h>>>().toEqualTypeOf<{
          orderId: string
          amount: number
          error: CaughtError
        }>()
        return h.succeed('Handled')
      },
      { resultPath: 'error' },
    )
  })

  test('a handler that needs other data is refused', () => {
    // @ts-expect-error the handler gets { Error, Cause }, but charge needs orderId and amount
    task(charge).catch(['States.ALL'], task(charge))
  })
})

describe('Map and Parallel', () => {
  test("Map's item, index and parent input are typed; the output is the array of iteration outputs", () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.map('Each', {
        items: (s) => s.lines,
        itemSelector: (item, index, s) => {
          expectTypeOf(item.sku).toMatchTypeOf<{}>()
          return { sku: item.sku, index, orderId: s.id }
        },
        process: (iteration) => {
          expectTypeOf<OutputOf<typeof iteration>>().toEqualTypeOf<{
            sku: string
            index: number
            orderId: string
          }>()
          return iteration.pass('Keep')
        },
      })
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
        { sku: string; index: number; orderId: string }[]
      >()
      return flow
    })
  })

  test('Map items must be an array field', () => {
    workflow('F', { input: Order }, (start) =>
      start.map('Each', {
        // @ts-expect-error id is a string, not an array
        items: (s) => s.id,
        process: (iteration) => iteration.pass('Keep'),
      }),
    )
  })

  test("Parallel's output is the tuple of the branches' outputs", () => {
    workflow('F', { input: Order }, (start) => {
      const flow = start.parallel('Both', [
        (b) => b.task(charge, (t) => t.parameters((s) => ({ orderId: s.id, amount: s.total }))),
        (b) => b.pass('Same'),
      ])
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<[{ paymentId: string }, OrderType]>()
      return flow
    })
  })
})

describe('conditions are typed by operand', () => {
  test('comparisons take values of the field type', () => {
    workflow('F', { input: Order }, (start) =>
      start.choice('C', (c) =>
        c
          .when((s) => gt(s.total, 10), succeed('Big'))
          .when((s) => eq(s.id, s.id), succeed('Same'))
          // @ts-expect-error total is a number and id a string: two fields must have one type
          .when((s) => gt(s.total, s.id), succeed('Mixed'))
          .when((s) => matches(s.id, 'x*'), succeed('X'))
          // @ts-expect-error total is a number: compare it with a number
          .when((s) => eq(s.total, '10'), succeed('Str'))
          // @ts-expect-error lt() compares strings or numbers, not objects
          .when((s) => lt(s.lines, 1), succeed('Obj'))
          // @ts-expect-error matches() needs a string field
          .when((s) => matches(s.total, '1*'), succeed('Num')),
      ),
    )
  })
})

describe('variables, intrinsics and expressions', () => {
  test('assign() checks the value against the variable type', () => {
    const total = variable<number>('total')
    task(charge).assign(total, () => 5)
    // @ts-expect-error total holds a number; paymentId is a string
    task(charge).assign(total, (r) => r.paymentId)
  })

  test('format() checks its arity; intrinsics and jsonata() have result types', () => {
    workflow('F', { input: Order }, (start) =>
      start.pass('P', (p) => {
        // @ts-expect-error two placeholders need two arguments
        format('{} and {}', p as never)
        const shaped = p.parameters((s) => ({
          text: format('{} costs {}', s.id, s.total),
          range: arrayRange(1, 3, 1),
          count: jsonata<number>('$count($states.input.lines)'),
        }))
        expectTypeOf<OutputOf<typeof shaped>>().toEqualTypeOf<{
          text: string
          range: number[]
          count: number
        }>()
        return shaped
      }),
    )
  })
})

describe('integrations', () => {
  test('lambda:invoke results are the envelope unless unwrapped', () => {
    const Input = z.object({ a: z.string() })
    const Output = z.object({ b: z.number() })
    const unwrapped = task(lambdaInvoke('F', { input: Input, output: Output, unwrap: true }))
    expectTypeOf<OutputOf<typeof unwrapped>>().toEqualTypeOf<{ b: number }>()
    const wrapped = task(lambdaInvoke('F', { input: Input, output: Output }))
    expectTypeOf<OutputOf<typeof wrapped>>().toEqualTypeOf<LambdaInvokeResult<{ b: number }>>()
  })

  test("startExecution .sync is typed by the child workflow's output and checks its input", () => {
    const child = workflow('Child', { input: z.object({ id: z.string() }) }, (start) =>
      start.next(pass('Out', { result: { shipped: true } })),
    )
    workflow('Parent', { input: Order }, (start) => {
      const flow = start.task(startExecution(child, { sync: true }), (t) =>
        t
          .parameters((s) => ({ Input: { id: s.id } }))
          .resultSelector((r) => ({ shipped: r.Output.shipped })),
      )
      expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ shipped: true }>()
      return flow
    })
    workflow('Parent', { input: Order }, (start) =>
      start.task(startExecution(child, { sync: true }), (t) =>
        // @ts-expect-error the child needs { id: string }
        t.parameters((s) => ({ Input: { id: s.total } })),
      ),
    )
  })

  test('waitForTaskToken() results are typed by the declared output', () => {
    const ask = waitForTaskToken(sqsSendMessage<{ id: string }>({ queueUrl: 'q' }), {
      output: z.object({ approved: z.boolean() }),
    })
    const built = task(ask)
    expectTypeOf<OutputOf<typeof built>>().toEqualTypeOf<{ approved: boolean }>()
  })

  test("waitForTaskToken()'s handler answers as the service does, not with the callback's answer", () => {
    const send = sqsSendMessage<{ id: string }>({ queueUrl: 'q' })
    const output = z.object({ approved: z.boolean() })
    waitForTaskToken(send, {
      output,
      handler: () => ({ MessageId: 'm-1', MD5OfMessageBody: 'd41d8cd98f00b204e9800998ecf8427e' }),
    })
    waitForTaskToken(send, {
      output,
      handler: async () => ({
        MessageId: 'm-1',
        MD5OfMessageBody: 'd41d8cd98f00b204e9800998ecf8427e',
      }),
    })
    waitForTaskToken(send, { output, handler: () => {} })
    waitForTaskToken(send, {
      output,
      // @ts-expect-error the handler stands in for SendMessage: the approval comes from sendTaskSuccess
      handler: () => ({ approved: true }),
    })
    const built = task(
      waitForTaskToken(send, {
        output,
        handler: () => ({ MessageId: 'm-1', MD5OfMessageBody: 'd41d8cd98f00b204e9800998ecf8427e' }),
      }),
    )
    expectTypeOf<OutputOf<typeof built>>().toEqualTypeOf<{ approved: boolean }>()
  })
})

describe('a Wait that shapes its output', () => {
  test('outputPath gives the next state the selected part, standalone and chained', () => {
    const pause = wait('Pause', { seconds: 1, outputPath: (s: Ref<OrderType>) => s.lines })
    expectTypeOf<OutputOf<typeof pause>>().toEqualTypeOf<{ sku: string }[]>()
    const plain = wait('Plain', { seconds: 1 })
    expectTypeOf<OutputOf<typeof plain>>().not.toEqualTypeOf<{ sku: string }[]>()

    workflow('Shaped', { input: Order }, (start) =>
      start
        .wait('Hold', { seconds: (s) => s.total, outputPath: (s) => s.lines })
        .pass('After', (p) =>
          p.parameters((s) => {
            expectTypeOf(s[0]!.sku).not.toBeAny()
            // @ts-expect-error the Wait kept only the lines: the order's id is gone
            return { id: s.id }
          }),
        ),
    )
  })
})

describe('a Map with a ResultWriter', () => {
  const Records = z.object({ bucket: z.string(), ids: z.array(z.string()) })

  test('outputs where the results were written when they go to S3, the array otherwise', () => {
    const written = map('Written', {
      input: Records,
      items: (s) => s.ids,
      process: (id) => id.pass('Each'),
      distributed: {
        resultWriter: {
          resource: 'arn:aws:states:::s3:putObject',
          parameters: (s) => ({ Bucket: s.bucket, Prefix: 'out' }),
        },
      },
    })
    expectTypeOf<OutputOf<typeof written>>().toEqualTypeOf<MapRunResult>()
    expectTypeOf<OutputOf<typeof written>>().toEqualTypeOf<{
      MapRunArn: string
      ResultWriterDetails: { Bucket: string; Key: string }
    }>()

    const inline = map('Inline', {
      input: Records,
      items: (s) => s.ids,
      process: (id) => id.pass('I'),
    })
    expectTypeOf<OutputOf<typeof inline>>().toEqualTypeOf<string[]>()
    const configOnly = map('ConfigOnly', {
      input: Records,
      items: (s) => s.ids,
      process: (id) => id.pass('C'),
      distributed: { resultWriter: { writerConfig: { Transformation: 'NONE' } } },
    })
    expectTypeOf<OutputOf<typeof configOnly>>().toEqualTypeOf<string[]>()

    workflow('Chained', { input: Records }, (start) =>
      start
        .map('Write', {
          items: (s) => s.ids,
          process: (id) => id.pass('W'),
          distributed: { resultWriter: { resource: 'arn:aws:states:::s3:putObject' } },
        })
        .pass('Where', (p) =>
          p.parameters((s) => {
            expectTypeOf(s.ResultWriterDetails.Key).not.toBeAny()
            // @ts-expect-error a written Map's result is not the array of outputs: it has no items
            return { first: s[0] }
          }),
        ),
    )
  })
})

describe('Map item types are inferred', () => {
  const Basket = z.object({ items: z.array(z.object({ sku: z.string() })) })

  test('from items, also when the Map is configured', () => {
    workflow('B', { input: Basket }, (start) =>
      start.map(
        'M',
        {
          items: (s) => s.items,
          process: (line) => {
            expectTypeOf<OutputOf<typeof line>>().toEqualTypeOf<{ sku: string }>()
            return line.pass('P')
          },
        },
        (m) => m.resultPath('priced'),
      ),
    )
  })

  test("from itemSchema (items an ItemReader supplies), by the schema's input type", () => {
    workflow('C', { input: Basket }, (start) =>
      start.map('M', {
        itemSchema: z.object({ sku: z.string(), qty: z.string().default('1') }),
        process: (line) => {
          expectTypeOf<OutputOf<typeof line>>().toEqualTypeOf<{
            sku: string
            qty?: string | undefined
          }>()
          return line.pass('P')
        },
      }),
    )
  })
})

describe('Distributed Map batches', () => {
  test('with an ItemBatcher each child gets { Items, BatchInput }', () => {
    const Job = z.object({ ids: z.array(z.string()), runId: z.string() })
    workflow('Batches', { input: Job }, (start) =>
      start.map('Batch', {
        items: (s) => s.ids,
        distributed: {
          itemBatcher: { maxItemsPerBatch: 10 },
          batchInput: (s) => ({ runId: s.runId }),
        },
        process: (batch) => {
          expectTypeOf<OutputOf<typeof batch>>().toEqualTypeOf<
            { Items: string[] } & { BatchInput: { runId: string } }
          >()
          return batch.pass('Keep')
        },
      }),
    )
    workflow('Batches', { input: Job }, (start) =>
      start.map('Batch', {
        items: (s) => s.ids,
        distributed: { itemBatcher: { maxItemsPerBatch: 10 } },
        process: (batch) => {
          expectTypeOf<OutputOf<typeof batch>>().toEqualTypeOf<{ Items: string[] }>()
          return batch.pass('Keep')
        },
      }),
    )
  })
})
