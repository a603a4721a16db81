import { validateStateMachine } from '@statewright/asl'
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { gallery } from './gallery.ts'

interface AslValidatorResult {
  readonly isValid: boolean
  errorsText(separator?: string): string
}
// A second opinion besides our validator; it mutates what it is given, so it gets a copy.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (
  d: unknown,
) => AslValidatorResult

describe.each(['JSONPath', 'JSONata'] as const)(
  'every lowered construct is valid ASL (%s)',
  (language) => {
    for (const [name, flow] of Object.entries(gallery(language))) {
      test(`${name} passes our validator and asl-validator`, () => {
        const { definition } = flow.toStateMachine()

        expect(validateStateMachine(definition)).toStrictEqual([])
        const second = aslValidator(structuredClone(definition))
        expect(second.isValid, second.errorsText('\n')).toBe(true)
      })
    }
  },
)
