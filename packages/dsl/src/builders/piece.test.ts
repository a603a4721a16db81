import { describe, expect, test } from 'vitest'
import { DslError, parallel, pass, workflow } from '../index.ts'
import { Order } from '../../test/ecommerce.ts'
import { appended } from './piece.ts'

const errorOf = (build: () => unknown): DslError => {
  try {
    build()
  } catch (error) {
    if (error instanceof DslError) return error
    throw error
  }
  throw new Error('expected a DslError')
}

describe('EmitContext', () => {
  test('refuses one state used both in a branch and outside it, naming where it was created', () => {
    const shared = pass('Shared')

    const error = errorOf(() =>
      workflow('Both', { input: Order }, (start) =>
        start.next(parallel('Fork', [(branch) => branch.next(shared)])).next(shared),
      ),
    )

    expect(error.code).toBe('SFN101')
    expect(error.message).toMatch(
      /^SFN101: State 'Shared' is used both inside and outside a branch \(created at .*piece\.test\.ts:\d+:\d+\)\. A state belongs to one branch: create a second state with another name\.$/,
    )
  })

  test('keeps the states in order, each with its call site as an own getter', () => {
    const flow = workflow('Order', { input: Order }, (start) =>
      start.next(pass('A')).next(pass('B')),
    )

    const states = flow.toIr().states
    expect(states.map((state) => state.name)).toStrictEqual(['A', 'B'])
    expect(states.map((state) => state.source?.file)).toStrictEqual([
      expect.stringMatching(/piece\.test\.ts$/),
      expect.stringMatching(/piece\.test\.ts$/),
    ])
    // The call site is an own, enumerable getter; the site it reads is not an enumerable field.
    expect(Object.keys(states[0]!)).toStrictEqual(['kind', 'name', 'next', 'source'])
    expect(Object.isFrozen(states[0])).toBe(true)
  })
})

describe('appended', () => {
  test('copies the list with the item at the end and leaves the list alone', () => {
    const list: readonly (readonly string[])[] = Object.freeze([['a']])

    const longer = appended(list, ['b', 'c'])

    expect(longer).toStrictEqual([['a'], ['b', 'c']])
    expect(list).toStrictEqual([['a']])
    expect(appended([], 1)).toStrictEqual([1])
  })
})
