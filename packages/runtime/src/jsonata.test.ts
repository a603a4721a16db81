import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, it } from 'vitest'
import { run } from './execution.ts'

describe('JSONata states', () => {
  it('Task: Arguments in, Output and Assign from $states.result', async () => {
    const definition: AslStateMachine = {
      QueryLanguage: 'JSONata',
      StartAt: 'Quote',
      States: {
        Quote: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'quote', Payload: { sku: '{% $states.input.sku %}' } },
          Output: { price: '{% $states.result.Payload.price %}', sku: '{% $states.input.sku %}' },
          Assign: { lastPrice: '{% $states.result.Payload.price %}' },
          Next: 'Double',
        },
        Double: { Type: 'Pass', Output: '{% $lastPrice * 2 %}', End: true },
      },
    }

    const result = await run(
      definition,
      { sku: 'a' },
      { handlers: { quote: () => ({ price: 21 }) } },
    )

    expect(result.output).toBe(42)
  })

  it('Catch: Output and Assign see $states.errorOutput', async () => {
    const definition: AslStateMachine = {
      QueryLanguage: 'JSONata',
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Catch: [
            {
              ErrorEquals: ['States.ALL'],
              Output: { failed: '{% $states.errorOutput.Error %}', input: '{% $states.input %}' },
              Assign: { why: '{% $states.errorOutput.Cause %}' },
              Next: 'Report',
            },
          ],
          End: true,
        },
        Report: { Type: 'Pass', Output: '{% $merge([$states.input, {"why": $why}]) %}', End: true },
      },
    }

    const result = await run(
      definition,
      { n: 1 },
      {
        handlers: {
          Call: () => {
            throw Object.assign(new Error('queue is gone'), { name: 'SQS.QueueDoesNotExist' })
          },
        },
      },
    )

    expect(result.output).toEqual({
      failed: 'SQS.QueueDoesNotExist',
      input: { n: 1 },
      why: 'queue is gone',
    })
  })

  it('reports an undefined result as States.QueryEvaluationError with AWS cause and event', async () => {
    const definition: AslStateMachine = {
      QueryLanguage: 'JSONata',
      StartAt: 'Bad',
      States: { Bad: { Type: 'Pass', Output: '{% $states.input.missing %}', End: true } },
    }

    const result = await run(definition, {})

    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause:
        "An error occurred while executing the state 'Bad' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field 'Output' returned nothing (undefined).",
    })
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'EvaluationFailed',
      'ExecutionFailed',
    ])
  })

  it('Map: Items and ItemSelector with $states.context.Map.Item; Parallel: Arguments', async () => {
    const definition: AslStateMachine = {
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Items: '{% $states.input.words %}',
          ItemSelector: {
            word: '{% $states.context.Map.Item.Value %}',
            at: '{% $states.context.Map.Item.Index %}',
          },
          ItemProcessor: {
            StartAt: 'Upper',
            States: {
              Upper: {
                Type: 'Pass',
                Output: '{% $uppercase($states.input.word) & $states.input.at %}',
                End: true,
              },
            },
          },
          Output: '{% $join($states.result, " ") %}',
          Next: 'Both',
        },
        Both: {
          Type: 'Parallel',
          Arguments: { text: '{% $states.input %}' },
          Branches: [
            {
              StartAt: 'Len',
              States: {
                Len: { Type: 'Pass', Output: '{% $length($states.input.text) %}', End: true },
              },
            },
            { StartAt: 'Same', States: { Same: { Type: 'Pass', End: true } } },
          ],
          End: true,
        },
      },
    }

    const result = await run(definition, { words: ['a', 'b'] })

    expect(result.output).toEqual([5, { text: 'A0 B1' }])
  })

  it('Choice: Condition, rule Assign, Default', async () => {
    const definition: AslStateMachine = {
      QueryLanguage: 'JSONata',
      StartAt: 'Size',
      States: {
        Size: {
          Type: 'Choice',
          Choices: [
            { Condition: '{% $states.input.n > 10 %}', Assign: { size: 'big' }, Next: 'Done' },
          ],
          Default: 'Done',
          Assign: { size: 'small' },
        },
        Done: { Type: 'Pass', Output: '{% $size %}', End: true },
      },
    }

    const big = await run(definition, { n: 11 })
    const small = await run(definition, { n: 1 })

    expect([big.output, small.output]).toEqual(['big', 'small'])
  })
})
