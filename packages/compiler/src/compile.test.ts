import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AslStateMachine } from '@statewright/asl'
import { defineTask, lambda, map, pass, succeed, task, workflow } from '@statewright/dsl'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { expectAslValidatorAccepts } from '../test/second-opinion.ts'
import { compile } from './compile.ts'
import { formatDiagnostic } from './diagnostics.ts'
import { emitAsl } from './emit.ts'
import { applySubstitutions } from './substitutions.ts'

const Order = z.object({ orderId: z.string(), amount: z.number() })
const Payment = z.object({ paymentId: z.string() })

const processPayment = lambda('ProcessPaymentFunction', {
  input: Order,
  output: Payment,
  handler: () => ({ paymentId: 'p-1' }),
})
const approve = defineTask({
  name: 'Approve',
  resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
  input: Payment,
  output: z.object({ approved: z.boolean() }),
})

const orderFlow = workflow('OrderFlow', { input: Order, comment: 'Charges an order' }, (start) =>
  start.next(task(processPayment)).next(task(approve)).next(succeed('Done')),
)

/** Line and column of the first occurrence of `code` in this file: where the DSL call sits. */
function callSiteOf(code: string): { line: number; column: number } {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n')
  const line = lines.findIndex((text) => text.includes(code))
  return { line: line + 1, column: lines[line]!.indexOf(code) + 1 }
}

describe('compile', () => {
  test('lowers a DSL workflow to ordered ASL with substitutions, schemas and no errors', () => {
    const result = compile(orderFlow)

    expect(result.name).toBe('OrderFlow')
    expect(result.ok).toBe(true)
    expect(result.asl).toStrictEqual({
      Comment: 'Charges an order',
      StartAt: 'ProcessPayment',
      States: {
        ProcessPayment: {
          Type: 'Task',
          Resource: '${ProcessPaymentFunctionArn}',
          Next: 'Approve',
        },
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    })
    expect(result.substitutions).toStrictEqual({
      ProcessPaymentFunctionArn: {
        kind: 'lambda-function-arn',
        functionName: 'ProcessPaymentFunction',
      },
    })
    expect(result.schemas).toStrictEqual({
      input: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { orderId: { type: 'string' }, amount: { type: 'number' } },
        required: ['orderId', 'amount'],
      },
    })
    expectAslValidatorAccepts(
      applySubstitutions(result.asl, {
        ProcessPaymentFunctionArn:
          'arn:aws:lambda:us-east-1:123456789012:function:ProcessPaymentFunction',
      }),
    )
  })

  test('diagnostics of a DSL workflow point at the call that created the state', () => {
    const { diagnostics } = compile(orderFlow)

    expect(
      diagnostics.map((d) => ({
        ...d,
        source: d.source && { ...d.source, file: d.source.file.split('/').pop() },
      })),
    ).toStrictEqual([
      {
        code: 'SFN250',
        severity: 'warning',
        path: '/States/Approve',
        message:
          "Task 'Approve' waits for a task token (.waitForTaskToken) but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).",
        source: { file: 'compile.test.ts', ...callSiteOf('task(approve)') },
      },
    ])
  })

  test('a workflow with region and account gets concrete ARNs and no substitutions', () => {
    const flow = workflow(
      'Concrete',
      { input: Order, region: 'eu-west-1', account: '123456789012' },
      (start) => start.next(task(processPayment)),
    )

    const result = compile(flow)

    expect(result.asl.States['ProcessPayment']).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:ProcessPaymentFunction',
      End: true,
    })
    expect(result.substitutions).toStrictEqual({})
    expectAslValidatorAccepts(result.asl)
  })

  test("the output schema is the last task's output when the workflow ends by outputting it", () => {
    const charge = workflow('Charge', { input: Order }, (start) => start.next(task(processPayment)))

    expect(compile(charge).schemas.output).toStrictEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { paymentId: { type: 'string' } },
      required: ['paymentId'],
      additionalProperties: false,
    })
    expect(compile(orderFlow).schemas.output).toBeUndefined()
  })

  test('a Map over an unbounded input array is reported at the map() call, from the input schema', () => {
    const Basket = z.object({ lines: z.array(z.object({ sku: z.string() })) })
    const priceLine = lambda('PriceLineFunction', {
      input: z.object({ sku: z.string() }),
      output: z.object({ price: z.number() }),
    })
    const basketFlow = workflow(
      'Basket',
      { input: Basket, region: 'us-east-1', account: '123456789012' },
      (start) =>
        start.next(
          map('EachLine', {
            input: Basket,
            items: (s) => s.lines,
            process: (line) => line.next(task(priceLine)),
          }),
        ),
    )

    const result = compile(basketFlow)

    expectAslValidatorAccepts(result.asl)
    expect(result.diagnostics.map((d) => [d.code, d.path, d.source?.line])).toStrictEqual([
      ['SFN255', '/States/EachLine', callSiteOf("map('EachLine'").line],
    ])
  })

  test('a schema JSON Schema cannot express is written widened, with a warning', () => {
    const Dated = z.object({ orderId: z.string(), placedAt: z.date() })
    const dated = workflow('Dated', { input: Dated }, (start) => start.next(succeed('Done')))

    const result = compile(dated)

    expect(result.schemas.input).toStrictEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { orderId: { type: 'string' }, placedAt: {} },
      required: ['orderId', 'placedAt'],
    })
    expect(result.diagnostics[0]?.source?.line).toBe(callSiteOf("workflow('Dated'").line)
    expect(result.diagnostics.map((d) => formatDiagnostic({ ...d, source: undefined })))
      .toMatchInlineSnapshot(`
      [
        "warning SFN291 /: The input schema of 'Dated' has parts JSON Schema cannot express (Date cannot be represented in JSON Schema), so those parts are written as {} (any value). Use zod types JSON Schema can express (e.g. z.iso.datetime() for dates).",
      ]
    `)
  })

  test('reports every problem of hand-written ASL at once, errors first', () => {
    const result = compile(
      {
        StartAt: 'Wait',
        States: {
          Wait: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Next: 'Missing' },
          Orphan: { Type: 'Pass', End: true },
        },
      },
      { name: 'HandWritten' },
    )

    expect(result.ok).toBe(false)
    expect(result.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "error SFN209 /States/Orphan: State "Orphan" is not reachable.",
        "error SFN208 /States/Wait/Next: Missing 'Next' target: Missing",
        "warning SFN250 /States/Wait: Task 'Wait' waits for the job it starts (.sync) but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).",
      ]
    `)
  })

  test('lints can be switched off by code, or all at once', () => {
    const definition: AslStateMachine = {
      StartAt: 'Wait',
      States: { Wait: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', End: true } },
    }

    expect(compile(definition, { lints: { SFN250: false } }).diagnostics).toStrictEqual([])
    expect(compile(definition, { lints: false }).diagnostics).toStrictEqual([])
    expect(compile(definition).diagnostics.map((d) => d.code)).toStrictEqual(['SFN250'])
  })

  test('a definition nested 10,000 levels deep is one diagnostic, not a stack overflow', () => {
    let branch: Record<string, unknown> = {
      StartAt: 'Leaf',
      States: { Leaf: { Type: 'Pass', End: true } },
    }
    for (let level = 0; level < 10_000; level++) {
      branch = {
        StartAt: `P${level}`,
        States: { [`P${level}`]: { Type: 'Parallel', Branches: [branch], End: true } },
      }
    }

    const result = compile(branch as never)

    expect(result.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "error SFN303 /: The definition is nested more than 512 levels deep, so it cannot be checked or deployed safely. Flatten it: move deep branches or payloads into separate state machines.",
      ]
    `)
  })

  test('input that is not a definition at all gets diagnostics, never an exception', () => {
    const inputs = [
      null,
      'text',
      42,
      [],
      {
        toIr: () => {
          throw 'boom'
        },
      },
    ]

    const results = inputs.map((input) => compile(input as never))

    expect(results.map((r) => [r.ok, r.diagnostics.map((d) => d.code)])).toStrictEqual([
      [false, ['SFN201']],
      [false, ['SFN200']],
      [false, ['SFN201']],
      [false, ['SFN201']],
      [false, ['SFN290']],
    ])
  })

  test('JSON text is compiled like the object it holds', () => {
    const text = '{ "States": { "A": { "End": true, "Type": "Pass" } }, "StartAt": "A" }'

    const result = compile(text)

    expect([result.ok, result.asl]).toStrictEqual([
      true,
      { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
    ])
  })

  test('a DSL error thrown while building keeps its code', () => {
    const broken = {
      toIr: () => {
        throw Object.assign(new Error("SFN101: Two states are named 'A'. Rename one."), {
          code: 'SFN101',
        })
      },
    }

    expect(compile(broken as never).diagnostics).toStrictEqual([
      {
        code: 'SFN101',
        severity: 'error',
        path: '/',
        message: "Two states are named 'A'. Rename one.",
      },
    ])
  })
})

describe('emitAsl', () => {
  test('writes the same bytes every time, keys in ASL order', async () => {
    const first = await emitAsl(compile(orderFlow).asl)
    const second = await emitAsl(compile(orderFlow).asl)

    expect(second).toBe(first)
    expect(first).toMatchInlineSnapshot(`
      "{
        "Comment": "Charges an order",
        "StartAt": "ProcessPayment",
        "States": {
          "ProcessPayment": {
            "Type": "Task",
            "Resource": "\${ProcessPaymentFunctionArn}",
            "Next": "Approve"
          },
          "Approve": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Next": "Done"
          },
          "Done": {
            "Type": "Succeed"
          }
        }
      }
      "
    `)
  })

  test('orders hand-written states: Type first, Next and End last', async () => {
    const text = await emitAsl({
      States: {
        A: { End: true, Result: { b: 1, a: 2 }, ResultPath: '$.x', Type: 'Pass', Comment: 'c' },
      },
      StartAt: 'A',
    } as never)

    expect(text).toMatchInlineSnapshot(`
      "{
        "StartAt": "A",
        "States": {
          "A": {
            "Type": "Pass",
            "Comment": "c",
            "Result": {
              "b": 1,
              "a": 2
            },
            "ResultPath": "$.x",
            "End": true
          }
        }
      }
      "
    `)
  })
})

void pass
