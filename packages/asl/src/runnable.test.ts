import { describe, expect, test } from 'vitest'
import { isStateMachineSource } from './runnable.ts'

describe('isStateMachineSource', () => {
  test('recognises an object with toStateMachine()', () => {
    const source = {
      toStateMachine: () => ({ definition: { StartAt: 'A', States: {} }, handlers: {} }),
    }

    expect(isStateMachineSource(source)).toBe(true)
  })

  test('rejects ASL definitions, strings and null', () => {
    expect(isStateMachineSource({ StartAt: 'A', States: {} })).toBe(false)
    expect(isStateMachineSource('{}')).toBe(false)
    expect(isStateMachineSource(null)).toBe(false)
  })
})
