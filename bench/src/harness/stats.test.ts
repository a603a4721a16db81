import { describe, expect, test } from 'vitest'

import { advantage, median, round, summarize } from './stats.ts'

describe('median', () => {
  test('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5)
  })

  test('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  test('is NaN for no values', () => {
    expect(median([])).toBeNaN()
  })
})

describe('summarize', () => {
  test('gives median, min, max and count', () => {
    expect(summarize([3, 10, 1, 7, 4])).toStrictEqual({ median: 4, min: 1, max: 10, count: 5 })
  })
})

describe('advantage', () => {
  test('divides ours by the peer when higher is better', () => {
    expect(advantage(300, 30, 'higher')).toBe(10)
  })

  test('divides the peer by ours when lower is better', () => {
    expect(advantage(10, 95, 'lower')).toBe(9.5)
  })

  test('is below 1 when the peer wins', () => {
    expect(advantage(20, 10, 'lower')).toBe(0.5)
  })

  test('is null when a side is missing or the divisor is zero', () => {
    expect(advantage(null, 3, 'lower')).toBeNull()
    expect(advantage(3, null, 'higher')).toBeNull()
    expect(advantage(0, 3, 'lower')).toBeNull()
  })
})

describe('round', () => {
  test('keeps three significant digits below 1,000 and whole numbers above', () => {
    expect([round(0.012345), round(1.23456), round(123.456), round(12345.6)]).toStrictEqual([
      0.0123, 1.23, 123, 12346,
    ])
  })
})
