import { describe, expect, it } from 'vitest'
import { payloadSize, toJsonValue, toMeasuredJsonValue } from './json.ts'

describe('toJsonValue', () => {
  it('copies JSON data, dropping undefined members and honouring toJSON', () => {
    const input = { d: new Date(0), u: undefined, list: [undefined, 1], nested: { a: 'x' } }

    const copy = toJsonValue(input)

    expect(copy).toEqual({ d: '1970-01-01T00:00:00.000Z', list: [null, 1], nested: { a: 'x' } })
    expect((copy as { nested: object }).nested).not.toBe(input.nested)
  })

  it('names where data is not JSON', () => {
    const cyclic: Record<string, unknown> = { x: {} }
    ;(cyclic.x as Record<string, unknown>).y = cyclic

    expect(() => toJsonValue({ a: [1, { b: 10n }] })).toThrow('a bigint is not JSON at $.a[1].b')
    expect(() => toJsonValue(cyclic)).toThrow('a cyclic reference at $.x.y')
    expect(() => toJsonValue({ n: Number.NaN })).toThrow('NaN is not a JSON number at $.n')
  })

  it('refuses data nested too deeply instead of overflowing the stack', () => {
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 20_000; i++) {
      const next = {}
      deep.a = next
      deep = next
    }

    expect(() => toJsonValue(root)).toThrow(/nested deeper than 1000 levels/)
  })

  it('keeps a __proto__ key as an inert own member', () => {
    const copy = toJsonValue(JSON.parse('{"__proto__":{"polluted":true}}')) as object

    expect(Object.hasOwn(copy, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  })
})

describe('payloadSize', () => {
  it('counts the UTF-8 bytes of the JSON text', () => {
    const values = [
      '\ud800 lone and \udc00 lone',
      { a: 1, b: 'x"y\\z\n\u0001é😀', c: [1, 2.5, -3e-7, null, true, false, {}] },
      'abc',
      1e21,
      [],
    ]

    for (const value of values) {
      expect(payloadSize(value)).toBe(new TextEncoder().encode(JSON.stringify(value)).length)
    }
  })

  it('knows the size of a value measured while it was copied, exactly', () => {
    const values: unknown[] = [
      { a: [1, 2, { b: 'x"y' }], c: null, d: undefined, e: true, f: false, g: -12.5e-7 },
      { h: 'é😀\u0001\ud800', n: -0, big: 1e21, m: -123456789, empty: {}, none: [] },
      [undefined, () => 1, 3, new Date(0)],
      { f: () => 1, s: Symbol('s'), kept: 'yes' },
    ]

    for (const value of values) {
      const copied = toMeasuredJsonValue(value)
      expect(payloadSize(copied)).toBe(new TextEncoder().encode(JSON.stringify(value)).length)
    }
  })
})
