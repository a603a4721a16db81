import type { JsonValue } from '@statewright/asl'
import { describe, expect, it } from 'vitest'

import { StatesError } from '../errors.ts'
import { applyResultPath, describePathFailure, selectPath, type PathScope } from './jsonpath.ts'

const scope: PathScope = {
  context: { Execution: { Name: 'run-1' }, Map: { Item: { Index: 2 } } },
  variables: { total: 7, order: { id: 'o-9', lines: [{ sku: 'a' }, { sku: 'b' }] } },
}

const shop: JsonValue = {
  store: {
    books: [
      { title: 'Dune', price: 9, tags: ['scifi'] },
      { title: 'Emma', price: 12, tags: [] },
      { title: 'Ulysses', price: 25 },
    ],
    bike: { price: 100 },
  },
  'odd.key': 1,
}

function select(path: string, input: JsonValue = shop): JsonValue | undefined {
  const result = selectPath(path, input, scope)
  return result.found ? result.value : undefined
}

describe('selectPath', () => {
  it('returns the one value of a definite path', () => {
    expect(select('$')).toBe(shop)
    expect(select('$.store.books[1].title')).toBe('Emma')
    expect(select("$['store']['bike']['price']")).toBe(100)
    expect(select('$.store.books[-1].title')).toBe('Ulysses')
    expect(select("$['odd.key']")).toBe(1)
    expect(select('$.odd\\.key')).toBe(1)
  })

  it('reports nothing found for a definite path that misses', () => {
    expect(selectPath('$.store.car', shop, scope)).toStrictEqual({ found: false })
    expect(selectPath('$.store.books[7]', shop, scope)).toStrictEqual({ found: false })
    expect(selectPath('$.store.bike.price.value', shop, scope)).toStrictEqual({ found: false })
  })

  it('collects the matches of an indefinite path into an array, empty when none match', () => {
    expect(select('$.store.books[*].title')).toStrictEqual(['Dune', 'Emma', 'Ulysses'])
    expect(select('$.store.books[1:].price')).toStrictEqual([12, 25])
    expect(select('$.store.books[:1].price')).toStrictEqual([9])
    expect(select('$.store.books[-2:].price')).toStrictEqual([12, 25])
    expect(select('$.store.books[0,2].title')).toStrictEqual(['Dune', 'Ulysses'])
    expect(select("$.store.bike['price','color']")).toStrictEqual([100])
    expect(select('$.missing[*]')).toStrictEqual([])
    expect(select('$.missing.deeper[1:]')).toStrictEqual([])
  })

  it('scans all depths with ..', () => {
    expect(select('$..price')).toStrictEqual([9, 12, 25, 100])
    expect(select('$.store.books..tags[0]')).toStrictEqual(['scifi'])
    expect(select('$..*', { a: { x: 1 }, b: 2 })).toStrictEqual([{ x: 1 }, 2, 1])
  })

  it('filters array items with Jayway predicates', () => {
    expect(select('$.store.books[?(@.price < 10)].title')).toStrictEqual(['Dune'])
    expect(select("$.store.books[?(@.title == 'Emma' || @.price > 20)].title")).toStrictEqual([
      'Emma',
      'Ulysses',
    ])
    expect(select('$.store.books[?(@.tags)].title')).toStrictEqual(['Dune', 'Emma'])
    expect(select('$.store.books[?(!(@.price >= 10))].title')).toStrictEqual(['Dune'])
    expect(select("$.store.books[?(@.title in ['Emma', 'Dune'])].price")).toStrictEqual([9, 12])
    expect(select('$.store.books[?(@.tags empty true)].title')).toStrictEqual(['Emma'])
    expect(select('$.store.books[?(@.title =~ /U.*s/)].price')).toStrictEqual([25])
    expect(select('$.store.books[?(@.price > $.store.bike.price)]')).toStrictEqual([])
    expect(select("$.store.books[?(@.price == '9')].title")).toStrictEqual(['Dune'])
    expect(select("$.store.books[?(@.price === '9')].title")).toStrictEqual([])
    expect(select("$.store.books[?(@.tags contains 'scifi')].title")).toStrictEqual(['Dune'])
    expect(select("$.store.books[?(@.title contains 'ly')].title")).toStrictEqual(['Ulysses'])
    expect(select('$.store.books[?(@.tags exists false)].title')).toStrictEqual(['Ulysses'])
  })

  it('ends with a Jayway function', () => {
    expect(select('$.store.books.length()')).toBe(3)
    expect(select('$.store.books[*].price.sum()')).toBe(46)
    expect(select('$..price.max()')).toBe(100)
    expect(select('$.store.books[0].tags.length()')).toBe(1)
  })

  it('reads the context object with $$ and variables with $name', () => {
    expect(select('$$.Execution.Name')).toBe('run-1')
    expect(select('$$.Map.Item.Index')).toBe(2)
    expect(select('$total')).toBe(7)
    expect(select('$order.lines[1].sku')).toBe('b')
    expect(select('$order.lines[*].sku')).toStrictEqual(['a', 'b'])
    expect(selectPath('$unknown', shop, scope)).toStrictEqual({ found: false })
  })

  it('treats __proto__ and constructor as ordinary data keys', () => {
    const input = JSON.parse('{"__proto__": {"x": 1}, "a": {}}') as JsonValue

    expect(select('$.__proto__.x', input)).toBe(1)
    expect(selectPath('$.a.constructor', input, scope)).toStrictEqual({ found: false })
    expect(selectPath('$.a.toString', input, scope)).toStrictEqual({ found: false })
  })

  it('rejects invalid syntax with States.Runtime', () => {
    expect(() => selectPath('$.a[', shop, scope)).toThrow(StatesError)
  })
})

describe('describePathFailure', () => {
  it('says which step of a definite path is missing, as Jayway words it', () => {
    expect(describePathFailure('$.nothing', shop, scope)).toBe("No results for path: $['nothing']")
    expect(describePathFailure('$.no.such', shop, scope)).toBe("Missing property in path $['no']")
    expect(describePathFailure('$.store.books[5]', shop, scope)).toBe(
      "No results for path: $['store']['books'][5]",
    )
  })
})

describe('applyResultPath', () => {
  it('replaces the input for $, keeps it for null', () => {
    expect(applyResultPath({ a: 1 }, '$', 'r')).toBe('r')
    expect(applyResultPath({ a: 1 }, undefined, 'r')).toBe('r')
    expect(applyResultPath({ a: 1 }, null, 'r')).toStrictEqual({ a: 1 })
  })

  it('sets a nested field, creating objects on the way, without touching the input', () => {
    const input = { a: { keep: true }, other: [1] }

    const output = applyResultPath(input, '$.a.b.c', 5)

    expect(output).toStrictEqual({ a: { keep: true, b: { c: 5 } }, other: [1] })
    expect(input).toStrictEqual({ a: { keep: true }, other: [1] })
    expect((output as { other: unknown }).other).toBe(input.other)
  })

  it('writes into an existing array element', () => {
    expect(applyResultPath({ list: [{}, {}] }, '$.list[1].x', 1)).toStrictEqual({
      list: [{}, { x: 1 }],
    })
  })

  it('fails with States.ResultPathMatchFailure when a step meets a non-object', () => {
    const attempt = (): JsonValue => applyResultPath({ a: 'text' }, '$.a.b', 1)

    expect(attempt).toThrow(StatesError)
    expect(attempt).toThrow(expect.objectContaining({ error: 'States.ResultPathMatchFailure' }))
    expect(() => applyResultPath('plain', '$.x', 1)).toThrow(
      expect.objectContaining({ error: 'States.ResultPathMatchFailure' }),
    )
  })

  it('stores a __proto__ key as data', () => {
    const output = applyResultPath({}, '$.__proto__', { polluted: true }) as Record<string, unknown>

    expect(Object.getPrototypeOf(output)).toBe(Object.prototype)
    expect(Object.keys(output)).toStrictEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
