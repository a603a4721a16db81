import type { JsonValue } from '@statewright/asl'
import { describe, expect, it } from 'vitest'

import { evaluateIntrinsic } from './intrinsics.ts'
import type { PathScope } from './jsonpath.ts'
import { seeded } from './random.ts'

const scope: PathScope = {
  context: { StateMachine: { Name: 'orders-prod-eu', Id: 'arn:sm' } },
  variables: { greeting: 'hey', nums: [3, 1] },
}

function run(call: string, input: JsonValue = {}): JsonValue {
  return evaluateIntrinsic(call, input, scope, 'out.$')
}

function failure(call: string, input: JsonValue = {}): { error: string; cause: string } {
  try {
    run(call, input)
  } catch (error) {
    const e = error as { error: string; cause: string }
    return { error: e.error, cause: e.cause }
  }
  throw new Error(`expected ${call} to fail`)
}

describe('evaluateIntrinsic', () => {
  it('States.Format fills placeholders in order, rendering objects the way AWS (Java) does', () => {
    expect(run("States.Format('{} has {} items', $.who, $.n)", { who: 'Ann', n: 2.5 })).toBe(
      'Ann has 2.5 items',
    )
    expect(run("States.Format('v={}', $.v)", { v: null })).toBe('v=null')
    expect(run("States.Format('v={}', $.v)", { v: { a: 1, b: [true, 'x'] } })).toBe(
      'v={a=1, b=[true, x]}',
    )
    expect(run("States.Format('braces \\{\\} and {}', 'x')")).toBe('braces {} and x')
    expect(run('States.Format($.t, $greeting)', { t: 'say {}' })).toBe('say hey')
  })

  it('States.Format refuses a placeholder count that does not match the values', () => {
    expect(failure("States.Format('{} {}', 'one')")).toMatchObject({ error: 'States.Runtime' })
  })

  it('States.StringToJson and States.JsonToString convert both ways', () => {
    expect(run('States.StringToJson($.s)', { s: '{"a":[1,2]}' })).toStrictEqual({ a: [1, 2] })
    expect(run('States.StringToJson($.s)', { s: '  ' })).toBeNull()
    expect(run('States.StringToJson($.s)', { s: '-0' })).toBe(0)
    expect(run('States.JsonToString($.o)', { o: { a: 'x', b: [1] } })).toBe('{"a":"x","b":[1]}')
    expect(failure('States.StringToJson($.s)', { s: '{oops' }).error).toBe('States.Runtime')
  })

  it('builds, partitions, ranges, indexes, measures and deduplicates arrays', () => {
    expect(run("States.Array(1, 'two', $.x, null, true)", { x: { y: 1 } })).toStrictEqual([
      1,
      'two',
      { y: 1 },
      null,
      true,
    ])
    expect(run('States.Array()')).toStrictEqual([])
    expect(run('States.ArrayPartition($.a, 2)', { a: [1, 2, 3, 4, 5] })).toStrictEqual([
      [1, 2],
      [3, 4],
      [5],
    ])
    expect(run('States.ArrayRange(1, 9, 3)')).toStrictEqual([1, 4, 7])
    expect(run('States.ArrayRange(5, 1, -2)')).toStrictEqual([5, 3, 1])
    expect(run('States.ArrayRange(1, 0, 1)')).toStrictEqual([])
    expect(run('States.ArrayGetItem($nums, 1)')).toBe(1)
    expect(run('States.ArrayLength($nums)')).toBe(2)
    expect(run('States.ArrayContains($.a, $.v)', { a: [{ k: [1] }], v: { k: [1] } })).toBe(true)
    expect(run('States.ArrayContains($.a, 3)', { a: ['3'] })).toBe(false)
    expect(
      run('States.ArrayUnique($.a)', { a: [1, '1', 1, { a: 1 }, { a: 1 }, null, null] }),
    ).toStrictEqual([1, '1', { a: 1 }, null])
  })

  it('refuses out-of-range array arguments', () => {
    expect(failure('States.ArrayGetItem($.a, 3)', { a: [1] }).error).toBe('States.Runtime')
    expect(failure('States.ArrayPartition($.a, 0)', { a: [1] }).error).toBe('States.Runtime')
    expect(failure('States.ArrayRange(1, 5, 0)').error).toBe('States.Runtime')
    expect(failure('States.ArrayRange(0, 1000, 1)').cause).toContain('1000')
    expect(failure('States.ArrayLength($.a)', { a: 'no' }).error).toBe('States.Runtime')
  })

  it('encodes, decodes and hashes strings', () => {
    expect(run("States.Base64Encode('héllo')")).toBe('aMOpbGxv')
    expect(run("States.Base64Decode('aMOpbGxv')")).toBe('héllo')
    expect(run("States.Hash('abc', 'SHA-256')")).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(run("States.Hash('abc', 'MD5')")).toBe('900150983cd24fb0d6963f7d28e17f72')
    expect(failure("States.Hash('abc', 'SHA-3')").error).toBe('States.Runtime')
    expect(failure("States.Base64Decode('%%%')").error).toBe('States.Runtime')
    expect(failure('States.Base64Encode($.s)', { s: 'x'.repeat(10_001) }).error).toBe(
      'States.Runtime',
    )
  })

  it('States.JsonMerge merges shallowly, the second object winning, and refuses a deep merge', () => {
    const input = { a: { x: 1, keep: { k: 1 } }, b: { x: 2, keep: { other: 2 } } }

    expect(run('States.JsonMerge($.a, $.b, false)', input)).toStrictEqual({
      x: 2,
      keep: { other: 2 },
    })
    expect(failure('States.JsonMerge($.a, $.b, true)', input).error).toBe('States.Runtime')
  })

  it('States.MathAdd rounds decimals half up before adding', () => {
    expect(run('States.MathAdd(1.5, 1.5)')).toBe(4)
    expect(run('States.MathAdd(-1.5, -0.5)')).toBe(-1)
    expect(run('States.MathAdd($.n, -1)', { n: 10 })).toBe(9)
  })

  it('States.MathRandom stays in [start, end) and repeats itself for the same seed', () => {
    const first = run('States.MathRandom(10, 20, 7)')
    const values = Array.from({ length: 50 }, () => run('States.MathRandom(10, 20)') as number)

    expect(run('States.MathRandom(10, 20, 7)')).toBe(first)
    expect(values.every((v) => Number.isInteger(v) && v >= 10 && v < 20)).toBe(true)
  })

  it('States.UUID and unseeded States.MathRandom draw from the random source given', () => {
    const options = (): { random: () => number } => ({ random: seeded(42) })
    const uuid = evaluateIntrinsic('States.UUID()', {}, scope, 'id.$', options())

    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(evaluateIntrinsic('States.UUID()', {}, scope, 'id.$', options())).toBe(uuid)
  })

  it('States.StringSplit splits on every delimiter character and drops empty pieces', () => {
    expect(run("States.StringSplit('a,b;;c', ',;')")).toStrictEqual(['a', 'b', 'c'])
    expect(run("States.StringSplit(',,', ',')")).toStrictEqual([])
  })

  it('nests calls and reads the context object', () => {
    expect(
      run(
        "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
      ),
    ).toBe('eu')
  })

  it('fails with AWS cause text when a path argument matches nothing', () => {
    expect(failure('States.ArrayLength($.list)', { other: 1 })).toStrictEqual({
      error: 'States.Runtime',
      cause:
        "The JSONPath '$.list' specified for the field 'out.$' could not be found in the input '{\"other\":1}'",
    })
  })
})
