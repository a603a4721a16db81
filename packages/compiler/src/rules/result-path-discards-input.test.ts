import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../../test/second-opinion.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'

describe('findResultPathDiscardsInput', () => {
  test('warns when a later state reads a field the replaced input no longer has', () => {
    const definition = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
          Next: 'IsPaid',
        },
        IsPaid: {
          Type: 'Choice',
          Choices: [{ Variable: '$.Payload.paid', BooleanEquals: true, Next: 'Ship' }],
          Default: 'Done',
        },
        Ship: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'ship', 'orderId.$': '$.orderId' },
          ResultPath: null,
          Next: 'Both',
        },
        Both: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }],
          Next: 'Notify',
        },
        Notify: {
          Type: 'Pass',
          Parameters: { 'message.$': "States.Format('Order {} shipped', $.orderId)" },
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    }
    expectAslValidatorAccepts(definition)

    const messages = validate(definition).map(formatDiagnostic)

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN256 /States/Both: 'Both' replaces its input with its result (ResultPath defaults to '$'), which holds an array (the array of its branch results); but 'Notify' then reads '$.orderId' (Parameters/message.$) from the input it discarded, and fails with States.Runtime. Keep the input by setting ResultPath to a field (e.g. '$.result'), or to null to drop the result.",
        "warning SFN256 /States/Charge: 'Charge' replaces its input with its result (ResultPath defaults to '$'), which holds only 'ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode' (the Lambda invoke envelope); but 'Ship' then reads '$.orderId' (Parameters/orderId.$) from the input it discarded, and fails with States.Runtime. Keep the input by setting ResultPath to a field (e.g. '$.result'), or to null to drop the result.",
      ]
    `)
  })

  test('warns in JSONata too, where a Task without Output outputs only its result', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Summary',
      States: {
        Summary: { Type: 'Pass', Output: { total: 3 }, Next: 'Use' },
        Use: { Type: 'Pass', Output: '{% $states.input.orderId %}', End: true },
      },
    }

    const messages = validate(definition).map(formatDiagnostic)

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN256 /States/Summary/Output: 'Summary' outputs only its Output, which holds only 'total' (its Output); but 'Use' then reads '$states.input.orderId' (Output) from the input it discarded, and fails with States.Runtime. Merge the result into the input in Output (e.g. "{% $merge([$states.input, {'result': $states.result}]) %}").",
      ]
    `)
  })

  test('accepts reads of what the result holds, a kept input, and unknown results', () => {
    const definition = {
      StartAt: 'Lookup',
      States: {
        Lookup: { Type: 'Pass', Result: { orderId: '1' }, Next: 'Charge' },
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
          Parameters: { 'orderId.$': '$.orderId' },
          ResultPath: '$.charge',
          Next: 'Read',
        },
        Read: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:read',
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'anything.$': '$.whatever' }, End: true },
      },
    }
    expectAslValidatorAccepts(definition)

    expect(validate(definition)).toStrictEqual([])
  })
})
