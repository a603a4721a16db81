import { describe, expect, test } from 'vitest'
import { closestName, editDistance } from './names.ts'

describe('editDistance', () => {
  test('counts inserts, deletes, substitutions, and a swap of neighbours as one edit', () => {
    expect(editDistance('States.Timout', 'States.Timeout')).toBe(1)
    expect(editDistance('regoin', 'region')).toBe(1)
    expect(editDistance('Chrage', 'Charge')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })
})

describe('closestName', () => {
  test('the nearest candidate within the limit, case ignored, never the name itself', () => {
    expect(closestName('Chrage', ['Ship', 'Charge'], 2)).toBe('Charge')
    expect(closestName('charge', ['Charge'], 1)).toBe('Charge')
    expect(closestName('Charge', ['Charge'], 1)).toBeUndefined()
    expect(closestName('Refund', ['Charge', 'Ship'], 2)).toBeUndefined()
  })
})
