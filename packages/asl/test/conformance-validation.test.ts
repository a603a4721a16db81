// The validator against what AWS actually did (../shared/conformance, read in place when present):
// every definition AWS accepted in the execution corpus validates clean, and on the validation corpus
// our accept/reject verdict, locations and messages agree with AWS's. The bars sit just under the
// figures reached, so a regression fails here.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { describe, expect, test } from 'vitest'

import {
  formatAwsInvalidDefinition,
  validateStateMachine,
  validateStateMachineDefinition,
  variableReferences,
} from '../src/index.ts'

const corpus = fileURLToPath(new URL('../../../../shared/conformance/', import.meta.url))
const hasCorpus = existsSync(`${corpus}compare.mjs`)

function readJsonl(name: string): Record<string, any>[] {
  return readFileSync(`${corpus}${name}`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, any>)
}

type CheckValidation = (
  testCase: unknown,
  actual: unknown,
  options?: { fields?: string[] },
) => { ok: boolean; reason?: string }

/** Our answer in the shape of the case's API (CreateStateMachine or ValidateStateMachineDefinition). */
function answer(testCase: Record<string, any>): Record<string, unknown> {
  const input: unknown = testCase['definitionText'] ?? testCase['definition']
  const options = { type: testCase['stateMachineType'] as 'STANDARD' | 'EXPRESS' }
  const diagnostics = validateStateMachine(input, options)
  const accepted = !diagnostics.some((d) => d.severity === 'error')
  const actual: Record<string, unknown> = { accepted }
  if (testCase['api'] === 'ValidateStateMachineDefinition') {
    Object.assign(actual, validateStateMachineDefinition(input, options))
  } else if (!accepted) {
    actual['errorCode'] = 'InvalidDefinition'
    actual['message'] = formatAwsInvalidDefinition(diagnostics)
  }
  if ('variableReferences' in testCase['expected'])
    actual['variableReferences'] = variableReferences(input)
  return actual
}

describe.runIf(hasCorpus)('validateStateMachine against AWS recordings', () => {
  test('every definition AWS ran in aws-recorded.jsonl validates clean', () => {
    const cases = readJsonl('aws-recorded.jsonl')

    const rejected = cases
      .map((c) => ({
        id: c['id'],
        problems: validateStateMachine(c['definition'], { type: c['stateMachineType'] }),
      }))
      .filter((r) => r.problems.some((d) => d.severity === 'error'))

    expect(cases.length).toBe(858)
    expect(rejected).toStrictEqual([])
  })

  test('aws-validation.jsonl: verdicts, locations and messages agree with AWS', async () => {
    const { checkValidation } = (await import(pathToFileURL(`${corpus}compare.mjs`).href)) as {
      checkValidation: CheckValidation
    }
    const cases = readJsonl('aws-validation.jsonl').filter(
      (c) => c['category'] !== 'logging_configuration' && c['category'] !== 'versioning_parameters',
    )
    const primary = cases.filter((c) => !c['flags'].includes('not-recorded-against-aws'))
    const secondary = cases.filter((c) => c['flags'].includes('not-recorded-against-aws'))

    const verdicts = (group: Record<string, any>[]): number =>
      group.filter((c) => checkValidation(c, answer(c), { fields: ['accepted'] }).ok).length
    const fullMatches = primary.filter((c) => checkValidation(c, answer(c)).ok).length

    // Reached: 45 of 45 AWS-recorded verdicts (100 %), all with AWS's exact message or diagnostics;
    // 88 of 88 LocalStack-recorded Map Label verdicts.
    expect([primary.length, secondary.length]).toStrictEqual([45, 88])
    expect(verdicts(primary)).toBeGreaterThanOrEqual(44)
    expect(fullMatches).toBeGreaterThanOrEqual(44)
    expect(verdicts(secondary)).toBeGreaterThanOrEqual(87)
  })

  test('aws-teststate.jsonl: the empty Parallel AWS refused gets AWS message', () => {
    const refused = readJsonl('aws-teststate.jsonl').filter(
      (c) => c['expected']['errorCode'] === 'InvalidDefinition',
    )
    // TestState wraps one state in a machine whose only state is named StateName.
    const messages = refused.map((c) =>
      formatAwsInvalidDefinition(
        validateStateMachine({
          StartAt: 'StateName',
          States: { StateName: c['request']['definition'] },
        }),
      ),
    )

    expect(messages).toStrictEqual(refused.map((c) => c['expected']['message']))
  })
})
