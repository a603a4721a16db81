import { validateStateMachine } from '@statewright/asl'
import { describe, expect, test } from 'vitest'
import { validate } from './validate.ts'

describe('validate', () => {
  test('checks ${…} placeholders as the ARNs they become, as AWS sees the substituted definition', () => {
    const samTemplateDefinition = {
      StartAt: 'Charge',
      States: {
        Charge: { Type: 'Task', Resource: '${ChargeFunctionArn}', End: true },
      },
    }

    expect(validate(samTemplateDefinition)).toStrictEqual([])
  })

  test('reports AWS errors and lints together, for values that are not definitions too', () => {
    expect(validate([]).map((d) => `${d.code} ${d.path}`)).toStrictEqual(
      validateStateMachine([]).map((d) => `${d.code} ${d.path}`),
    )
    expect(
      validate({ StartAt: 'A', States: { A: { Type: 'Pass' } } }).map((d) => d.code),
    ).toStrictEqual(['SFN210', 'SFN207'])
  })
})
