import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../../test/second-opinion.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'

const task = (retry: readonly string[][], catchers: readonly string[][] = []) => ({
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
      Retry: retry.map((errors) => ({ ErrorEquals: errors, MaxAttempts: 2 })),
      ...(catchers.length === 0
        ? {}
        : { Catch: catchers.map((errors) => ({ ErrorEquals: errors, Next: 'Failed' })) }),
      End: true,
    },
    Failed: { Type: 'Fail' },
  },
})

describe('findMisspelledError', () => {
  test('warns about a States.* name Step Functions does not define and near misses of known names', () => {
    const definition = task(
      [['States.Timout', 'Lambda.TooManyRequestException'], ['States.Whatever']],
      [['State.TaskFailed']],
    )
    expectAslValidatorAccepts(definition)

    const messages = validate(definition)
      .filter((d) => d.code === 'SFN258')
      .map(formatDiagnostic)

    expect(messages).toStrictEqual([
      "warning SFN258 /States/Charge/Catch[0]/ErrorEquals/0: Catcher 0 of 'Charge': 'State.TaskFailed' looks like a typo: did you mean 'States.TaskFailed'? It never matches, so the catcher never fires.",
      "warning SFN258 /States/Charge/Retry[0]/ErrorEquals/0: Retrier 0 of 'Charge': 'States.Timout' is not an error Step Functions raises (names starting with States. are reserved): did you mean 'States.Timeout'? It never matches, so the retrier never fires.",
      "warning SFN258 /States/Charge/Retry[0]/ErrorEquals/1: Retrier 0 of 'Charge': 'Lambda.TooManyRequestException' looks like a typo: did you mean 'Lambda.TooManyRequestsException'? It never matches, so the retrier never fires.",
      "warning SFN258 /States/Charge/Retry[1]/ErrorEquals/0: Retrier 1 of 'Charge': 'States.Whatever' is not an error Step Functions raises (names starting with States. are reserved). It never matches, so the retrier never fires.",
    ])
  })

  test('accepts every reserved name, HTTP status errors and any name of a function or service', () => {
    const definition = task([
      ['States.Timeout', 'States.TaskFailed', 'Lambda.ServiceException', 'Lambda.Unknown'],
      ['PaymentDeclined', 'MyApp.RetryableError', 'DynamoDB.ConditionalCheckFailedException'],
      ['States.Http.StatusCode.429', 'Sandbox.Timedout'],
      ['States.ALL'],
    ])

    expect(validate(definition).filter((d) => d.code === 'SFN258')).toStrictEqual([])
  })

  test('is switched off like every lint', () => {
    const definition = task([['States.Timout']], [['States.ALL']])

    expect(validate(definition).map((d) => d.code)).toStrictEqual(['SFN258'])
    expect(validate(definition, { lints: { SFN258: false } })).toStrictEqual([])
  })
})
