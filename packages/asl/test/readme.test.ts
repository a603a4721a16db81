// packages/asl/README.md's example, run: every result the README prints in a comment is asserted here.
import { describe, expect, test } from 'vitest'
import {
  aslStateMachineSchema,
  formatAwsInvalidDefinition,
  validateStateMachine,
  validateStateMachineDefinition,
  type AslStateMachine,
} from '../src/index.ts'

const definition = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Ship' },
  },
} satisfies AslStateMachine

describe('asl README', () => {
  test('validateStateMachine lists both problems of the example', () => {
    expect(validateStateMachine(definition)).toStrictEqual([
      {
        code: 'SFN208',
        awsCode: 'MISSING_TRANSITION_TARGET',
        severity: 'error',
        path: '/States/Charge/Next',
        message: "Missing 'Next' target: Ship",
      },
      {
        code: 'SFN210',
        awsCode: 'MISSING_END_STATE',
        severity: 'error',
        path: '',
        message: 'Workflow has no terminal state',
      },
    ])
  })

  test('the AWS-shaped answers of the example', () => {
    expect(formatAwsInvalidDefinition(validateStateMachine(definition))).toBe(
      "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Ship at " +
        "/States/Charge/Next, MISSING_END_STATE: Workflow has no terminal state at null'",
    )
    expect(validateStateMachineDefinition(definition).result).toBe('FAIL')
  })

  test('JSON text gets line and column', () => {
    const text = '{"StartAt": "A",\n "States": {"A": {"Type": "Wait", "End": true}}}'

    expect(validateStateMachine(text)).toMatchObject([
      {
        code: 'SFN202',
        path: '/States/A',
        line: 2,
        column: 13,
        message:
          "Wait state 'A' needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'; add one.",
      },
    ])
  })

  test('the schema checks the JSON shape', () => {
    expect(aslStateMachineSchema.safeParse(definition).success).toBe(true)
    expect(aslStateMachineSchema.safeParse({ StartAt: 1 }).success).toBe(false)
  })
})
