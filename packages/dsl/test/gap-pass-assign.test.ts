// Gap 6 of COVERAGE.md: a Pass's assign() reads the result the Pass makes (Parameters or Result), lowered
// whole in JSONPath (`$` is the result) and JSONata (the made value, as there is no $states.result in a
// Pass) and executed by the runtime in both.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { arrayLength, DslError, pass, variable, workflow } from '../src/index.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Input = z.object({ items: z.array(z.number()), limit: z.number() })
const limit = variable<number>('limit')
const size = variable<number>('size')
const label = variable<string>('label')

const flow = (language: QueryLanguage) =>
  workflow('PassAssign', { input: Input, queryLanguage: language }, (start) =>
    start
      .pass('Shape', (p) =>
        p
          .parameters((s) => ({ n: s.limit, count: arrayLength(s.items) }))
          .assign(limit, (r) => r.n)
          .assign(size, (r) => r.count)
          .resultPath('shaped'),
      )
      .next(pass('Fixed', { result: { name: 'fixed' } }).assign(label, (r) => r.name))
      .pass('Show', (p) => p.parameters(() => ({ limit, size, label }))),
  )

describe('gap 6: a Pass assign() reads the result it makes', () => {
  test('lowers whole to JSONPath: `$` in Assign is the result', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Shape',
      States: {
        Shape: {
          Type: 'Pass',
          Parameters: { 'n.$': '$.limit', 'count.$': 'States.ArrayLength($.items)' },
          ResultPath: '$.shaped',
          Assign: { 'limit.$': '$.n', 'size.$': '$.count' },
          Next: 'Fixed',
        },
        Fixed: {
          Type: 'Pass',
          Result: { name: 'fixed' },
          Assign: { 'label.$': '$.name' },
          Next: 'Show',
        },
        Show: {
          Type: 'Pass',
          Parameters: { 'limit.$': '$limit', 'size.$': '$size', 'label.$': '$label' },
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: Assign reads the made value', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Shape',
      States: {
        Shape: {
          Type: 'Pass',
          Output:
            '{% $merge([$states.input, {"shaped": {"n": $states.input.limit, "count": $count($states.input.items)}}]) %}',
          Assign: { limit: '{% $states.input.limit %}', size: '{% $count($states.input.items) %}' },
          Next: 'Fixed',
        },
        Fixed: {
          Type: 'Pass',
          Output: { name: 'fixed' },
          Assign: { label: 'fixed' },
          Next: 'Show',
        },
        Show: {
          Type: 'Pass',
          Output: { limit: '{% $limit %}', size: '{% $size %}', label: '{% $label %}' },
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, the variables hold the parts of the results', async (language) => {
    const result = await run(flow(language), { items: [4, 5, 6], limit: 2 })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ limit: 2, size: 3, label: 'fixed' })
  })

  test('parameters() after assign() on a Pass is refused with the fix', () => {
    const build = () =>
      pass('Late')
        .assign(limit, () => 1)
        .parameters(() => ({ n: 1 }))
    expect(build).toThrow(DslError)
    expect(build).toThrow(
      "parameters() on Pass 'Late' comes after assign(): call parameters() first, so that assign() reads the result it builds.",
    )
  })
})
