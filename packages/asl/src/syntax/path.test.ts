import { describe, expect, it } from 'vitest'

import { isReferencePath, parsePath } from './path.ts'

function segmentsOf(text: string): unknown {
  const parsed = parsePath(text)
  if (!parsed.ok) throw new Error(`expected '${text}' to parse: ${parsed.message}`)
  return parsed.path.segments.map((s) => (s.deep ? { deep: true, ...s.selector } : s.selector))
}

describe('parsePath', () => {
  it('reads the three roots: data, context object and variables', () => {
    const roots = ['$.a', '$$.Execution.Id', '$total.count'].map((t) => {
      const parsed = parsePath(t)
      return parsed.ok ? parsed.path.root : undefined
    })

    expect(roots).toStrictEqual([
      { kind: 'input' },
      { kind: 'context' },
      { kind: 'variable', name: 'total' },
    ])
  })

  it('reads dot and bracket notation to the same steps', () => {
    expect(segmentsOf("$.order['lines'][2].sku")).toStrictEqual([
      { kind: 'property', names: ['order'] },
      { kind: 'property', names: ['lines'] },
      { kind: 'index', indices: [2] },
      { kind: 'property', names: ['sku'] },
    ])
  })

  it("reads Jayway's '.[' as a bracket step", () => {
    expect(segmentsOf("$.['a'].[0]")).toStrictEqual([
      { kind: 'property', names: ['a'] },
      { kind: 'index', indices: [0] },
    ])
  })

  it('keeps dashes in dot names and resolves backslash escapes', () => {
    expect(segmentsOf('$.X-Trace-Id.a\\.b')).toStrictEqual([
      { kind: 'property', names: ['X-Trace-Id'] },
      { kind: 'property', names: ['a.b'] },
    ])
  })

  it('keeps a backslash in a quoted name unless it escapes the quote or itself', () => {
    expect(segmentsOf("$['it\\'s']['a\\\"b']['c\\\\d']")).toStrictEqual([
      { kind: 'property', names: ["it's"] },
      { kind: 'property', names: ['a\\"b'] },
      { kind: 'property', names: ['c\\d'] },
    ])
  })

  it('reads wildcards, slices, unions, deep scans and functions', () => {
    expect(segmentsOf("$.a[*].b[1:3][-2:][:1]['x','y'][0,1]..c.length()")).toStrictEqual([
      { kind: 'property', names: ['a'] },
      { kind: 'wildcard' },
      { kind: 'property', names: ['b'] },
      { kind: 'slice', start: 1, end: 3, step: undefined },
      { kind: 'slice', start: -2, end: undefined, step: undefined },
      { kind: 'slice', start: undefined, end: 1, step: undefined },
      { kind: 'property', names: ['x', 'y'] },
      { kind: 'index', indices: [0, 1] },
      { deep: true, kind: 'property', names: ['c'] },
      { kind: 'function', name: 'length' },
    ])
  })

  it('reads filters with comparisons, logic and literals', () => {
    expect(segmentsOf("$[?(@.n >= 2 && !(@.tag in ['a', 'b']) || @.flag)]")).toMatchObject([
      {
        kind: 'filter',
        expression: {
          kind: 'or',
          left: {
            kind: 'and',
            left: { kind: 'compare', operator: '>=', right: { kind: 'literal', value: 2 } },
            right: {
              kind: 'not',
              operand: { kind: 'compare', operator: 'in', right: { value: ['a', 'b'] } },
            },
          },
          right: { kind: 'exists' },
        },
      },
    ])
  })

  it('reports malformed paths with a message and a position instead of throwing', () => {
    const results = ['$.a[', '$.', 'a.b', '$.a b', "$['x", '$.a[?(@.x ==)]', '$.a.length().b'].map(
      (t) => parsePath(t),
    )

    expect(results.map((r) => r.ok)).toStrictEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(results[0]).toMatchObject({ position: 3, message: expect.stringContaining("'$.a['") })
  })
})

describe('isReferencePath', () => {
  it('accepts paths that address one node', () => {
    expect(
      ['$', '$.a.b', "$['a'][0]", '$$.Map.Item.Value', '$v.x'].map(isReferencePath),
    ).toStrictEqual([true, true, true, true, true])
  })

  it('refuses wildcards, slices, unions, filters, deep scans and functions', () => {
    const texts = [
      '$.a[*]',
      '$.a[1:]',
      "$['a','b']",
      '$.a[?(@.x)]',
      '$..a',
      '$.a.length()',
      '$.a[0,1]',
    ]

    expect(texts.map(isReferencePath)).toStrictEqual(texts.map(() => false))
  })
})
