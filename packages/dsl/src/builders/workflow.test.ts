import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { Order, processPayment } from '../../test/ecommerce.ts'
import { DslError, fail, pass, succeed, task, workflow } from '../index.ts'
import type { Chainable } from './piece.ts'

const errorOf = (build: () => unknown): DslError => {
  try {
    build()
  } catch (error) {
    if (error instanceof DslError) return error
    throw error
  }
  throw new Error('expected a DslError')
}

describe('workflow()', () => {
  test('refuses two different states with the same name, naming both call sites', () => {
    const error = errorOf(() =>
      workflow('Dup', { input: Order }, (start) => start.next(pass('Same')).next(pass('Same'))),
    )

    expect(error.code).toBe('SFN101')
    expect(error.message).toMatch(
      /^SFN101: Two different states are named 'Same' \(created at .*workflow\.test\.ts:\d+:\d+ and at .*workflow\.test\.ts:\d+:\d+\)\. State names must be unique in a workflow: give one of them another name, or reuse the same builder value\.$/,
    )
  })

  test('accepts one builder value used as the target of two transitions', () => {
    const shared = fail('Failed', { error: 'Boom' })

    const flow = workflow('Shared', { input: Order }, (start) =>
      start.next(
        task(processPayment).catch(['States.TaskFailed'], shared).catch(['States.ALL'], shared),
      ),
    )

    expect(flow.toAsl().States).toStrictEqual({
      ProcessPayment: {
        Type: 'Task',
        Resource: '${ProcessPaymentFunctionArn}',
        Catch: [
          { ErrorEquals: ['States.TaskFailed'], Next: 'Failed' },
          { ErrorEquals: ['States.ALL'], Next: 'Failed' },
        ],
        End: true,
      },
      Failed: { Type: 'Fail', Error: 'Boom' },
    })
  })

  test('refuses one Pass used in two places that continue differently', () => {
    const shared = pass('Shared')

    const error = errorOf(() =>
      workflow('Twice', { input: Order }, (start) =>
        start.next(shared).next(pass('Between')).next(shared),
      ),
    )

    expect(error.message).toMatchInlineSnapshot(
      `"SFN105: State 'Shared' is used in two places that continue differently (to 'Between' and to 'the end'). A state has one next state: create a second state with another name for the other place."`,
    )
  })

  test('refuses a body that adds no state', () => {
    const error = errorOf(() => workflow('Empty', { input: Order }, (start) => start))

    expect(error.code).toBe('SFN106')
  })

  test('refuses a body that returns something other than a chain', () => {
    const error = errorOf(() =>
      workflow('Odd', { input: Order }, () => ({}) as unknown as Chainable<unknown, unknown>),
    )

    expect(error.code).toBe('SFN106')
  })

  test('writes the top-level options', () => {
    const flow = workflow(
      'Top',
      { input: z.object({}), comment: 'c', timeoutSeconds: 60, version: '1.0' },
      (start) => start.next(succeed('Done')),
    )

    expect(flow.toAsl()).toStrictEqual({
      Comment: 'c',
      StartAt: 'Done',
      States: { Done: { Type: 'Succeed' } },
      TimeoutSeconds: 60,
      Version: '1.0',
    })
  })
})

describe('next()', () => {
  test('refuses a state after succeed(), at once', () => {
    const error = errorOf(() =>
      // @ts-expect-error a chain that ends in Succeed has no next()
      task(processPayment).next(succeed('Done')).next(pass('After')),
    )

    expect(error.message).toMatchInlineSnapshot(
      `"SFN102: Nothing can run after Succeed state 'Done': it ends the workflow. Remove the next() that adds Pass state 'After', or attach it somewhere that continues."`,
    )
  })

  test('a Pass with a result writes Result; a pass-through Pass writes none', () => {
    const flow = workflow('Passes', { input: Order }, (start) =>
      start.next(pass('Keep')).next(pass('Set', { result: { a: [1, 'x', null] } })),
    )

    expect(flow.toAsl().States).toStrictEqual({
      Keep: { Type: 'Pass', Next: 'Set' },
      Set: { Type: 'Pass', Result: { a: [1, 'x', null] }, End: true },
    })
  })
})

describe('data-flow steps', () => {
  test('refuses them out of ASL order, naming the order', () => {
    const charge = processPayment

    expect(() =>
      task(charge)
        .resultPath('a')
        .resultSelector((r) => ({ id: r.paymentId })),
    ).toThrow(
      "SFN104: resultSelector() on 'ProcessPayment' comes after resultPath(): call each of parameters(), resultSelector(), resultPath(), outputPath() at most once, in that order (ASL applies them in that order).",
    )
  })

  test('refuses parameters() on a Pass that has a result', () => {
    expect(() => pass('Fixed', { result: 1 }).parameters(() => ({ a: 1 }))).toThrow(
      "SFN104: Pass 'Fixed' has a result, so it cannot also take parameters(): use one of them.",
    )
  })
})
