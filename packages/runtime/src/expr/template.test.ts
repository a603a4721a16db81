import type { JsonValue } from '@statewright/asl'
import { describe, expect, it } from 'vitest'

import type { PathScope } from './jsonpath.ts'
import { applyPayloadTemplate } from './template.ts'

const scope: PathScope = {
  context: { Execution: { Id: 'arn:exec' } },
  variables: { limit: 3 },
}

describe('applyPayloadTemplate', () => {
  it('replaces .$ keys at any depth, also inside arrays, and keeps everything else literal', () => {
    const template = {
      'id.$': '$.order.id',
      fixed: '$.not.a.path',
      nested: { 'exec.$': '$$.Execution.Id', list: [{ 'max.$': '$limit' }, 'plain'] },
      'count.$': 'States.ArrayLength($.order.lines)',
    }

    const out = applyPayloadTemplate(
      template,
      { order: { id: 'o1', lines: [1, 2] } },
      scope,
      'Parameters',
    )

    expect(out).toStrictEqual({
      id: 'o1',
      fixed: '$.not.a.path',
      nested: { exec: 'arn:exec', list: [{ max: 3 }, 'plain'] },
      count: 2,
    })
  })

  it('gives an indefinite path its array of matches', () => {
    const out = applyPayloadTemplate(
      { 'skus.$': '$.lines[*].sku' },
      { lines: [{ sku: 'a' }] },
      scope,
      'Parameters',
    )

    expect(out).toStrictEqual({ skus: ['a'] })
  })

  it('evaluates the same template against each input afresh', () => {
    const template = { 'v.$': '$.v' }

    const first = applyPayloadTemplate(template, { v: 1 }, scope, 'Parameters')
    const second = applyPayloadTemplate(template, { v: 2 }, scope, 'Parameters')

    expect([first, second]).toStrictEqual([{ v: 1 }, { v: 2 }])
  })

  it('returns a template without .$ keys as it is', () => {
    const template = { a: [1, { b: 2 }] }

    expect(applyPayloadTemplate(template, {}, scope, 'Parameters')).toBe(template)
  })

  it('fails with States.Runtime and AWS cause text when a path matches nothing', () => {
    const attempt = (): JsonValue =>
      applyPayloadTemplate({ deep: { 'value.$': '$.missing' } }, { a: 1 }, scope, 'Parameters')

    expect(attempt).toThrow(
      expect.objectContaining({
        error: 'States.Runtime',
        cause:
          "The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '{\"a\":1}'",
      }),
    )
  })

  it('stores __proto__ keys as data and never changes the prototype', () => {
    const template = JSON.parse('{"__proto__.$": "$.x", "a": 1}') as JsonValue

    const out = applyPayloadTemplate(
      template,
      { x: { polluted: true } },
      scope,
      'Parameters',
    ) as Record<string, unknown>

    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.keys(out)).toStrictEqual(['__proto__', 'a'])
  })
})
