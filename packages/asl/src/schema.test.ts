import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, test } from 'vitest'

import { aslStateMachineSchema, jsonValueSchema } from './schema.ts'

/** The issue paths zod reports, joined as "a.b.0". */
function issuePaths(definition: unknown): string[] {
  const result = aslStateMachineSchema.safeParse(definition)
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
}

describe('aslStateMachineSchema', () => {
  test('accepts a JSONPath machine with every state type', () => {
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { 'Payload.$': '$' },
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2, JitterStrategy: 'FULL' }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'F' }],
          Next: 'C',
        },
        C: {
          Type: 'Choice',
          Choices: [{ And: [{ Variable: '$.a', NumericGreaterThan: 1 }], Next: 'W' }],
          Default: 'P',
        },
        W: { Type: 'Wait', Seconds: 1, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Result: 1, End: true } } }],
          Next: 'M',
        },
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } },
          Next: 'S',
        },
        S: { Type: 'Succeed' },
        F: { Type: 'Fail', Error: 'E', Cause: 'C' },
      },
    }

    expect(aslStateMachineSchema.safeParse(definition).success).toBe(true)
  })

  test('accepts JSONata expressions where a number goes', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: '{% $states.input.delay %}', End: true } },
    }

    expect(aslStateMachineSchema.safeParse(definition).success).toBe(true)
  })

  test('refuses an unknown state Type', () => {
    expect(
      issuePaths({ StartAt: 'A', States: { A: { Type: 'Lambda', End: true } } }),
    ).toStrictEqual(['States.A.Type'])
  })

  test('refuses a field the state type does not have', () => {
    expect(
      issuePaths({ StartAt: 'A', States: { A: { Type: 'Pass', TimeoutSeconds: 3, End: true } } }),
    ).toStrictEqual(['States.A'])
  })

  test('refuses a wrongly typed field inside a Parallel branch', () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: { Type: 'Wait', Seconds: 'soon', End: true } } }],
          End: true,
        },
      },
    }

    expect(issuePaths(definition)).toStrictEqual(['States.P.Branches.0.States.B.Seconds'])
  })

  test('refuses a retrier without ErrorEquals', () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:x', Retry: [{ MaxAttempts: 1 }], End: true } },
    }

    expect(issuePaths(definition)).toStrictEqual(['States.T.Retry.0.ErrorEquals'])
  })

  test('requires StartAt and States', () => {
    expect(issuePaths({})).toStrictEqual(['StartAt', 'States'])
  })
})

describe('jsonValueSchema', () => {
  test('accepts nested JSON and refuses what JSON cannot hold', () => {
    expect([
      jsonValueSchema.safeParse({ a: [1, 'x', null, { b: true }] }).success,
      jsonValueSchema.safeParse({ a: undefined }).success,
      jsonValueSchema.safeParse(() => 1).success,
    ]).toStrictEqual([true, false, false])
  })
})

const corpus = fileURLToPath(
  new URL('../../../../shared/conformance/aws-recorded.jsonl', import.meta.url),
)

describe.runIf(existsSync(corpus))('aslStateMachineSchema on AWS-accepted definitions', () => {
  test('accepts every definition of aws-recorded.jsonl', () => {
    const refused = readFileSync(corpus, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; definition: unknown })
      .filter((c) => !aslStateMachineSchema.safeParse(c.definition).success)
      .map((c) => c.id)

    expect(refused).toStrictEqual([])
  })
})
