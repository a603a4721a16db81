// What packages/runtime/README.md's "Typing a definition" says about passing an ASL object to run().
import type { AslStateMachine } from '@statewright/runtime'
import { describe, expectTypeOf, test } from 'vitest'
import { run, type ExecutionResult } from '../src/index.ts'

describe('run() and the type of an ASL object literal', () => {
  test('a literal kept in a variable is widened and refused', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }

    // @ts-expect-error Type widens to string, which is not assignable to "Pass"
    void run(definition)
  })

  test('satisfies AslStateMachine, an annotation, or a literal in the call are accepted', () => {
    const checked = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', End: true } },
    } satisfies AslStateMachine
    const annotated: AslStateMachine = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }

    expectTypeOf(run(checked)).toEqualTypeOf<Promise<ExecutionResult>>()
    expectTypeOf(run(annotated)).toEqualTypeOf<Promise<ExecutionResult>>()
    expectTypeOf(run({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })).toEqualTypeOf<
      Promise<ExecutionResult>
    >()
  })

  test('as const is accepted without arrays and refused with one (readonly arrays)', () => {
    const flat = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } } as const
    const withArray = {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:F',
          Retry: [{ ErrorEquals: ['States.ALL'] }],
          End: true,
        },
      },
    } as const

    expectTypeOf(run(flat)).toEqualTypeOf<Promise<ExecutionResult>>()
    // @ts-expect-error ErrorEquals becomes a readonly tuple, which string[] does not accept
    void run(withArray)
  })
})
