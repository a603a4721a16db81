import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, test } from 'vitest'
import { collectStates } from '../asl/walk.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'
import { findHeartbeatNotBelowTimeout } from './heartbeat-not-below-timeout.ts'

const machine = (timeouts: Record<string, unknown>) => ({
  StartAt: 'Work',
  States: {
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:states:us-east-1:123456789012:activity:work',
      ...timeouts,
      End: true,
    },
  },
})

const lint = (definition: ReturnType<typeof machine>) =>
  findHeartbeatNotBelowTimeout({
    definition: definition as unknown as AslStateMachine,
    states: collectStates(definition),
    thresholds: { maxCatchAllAttempts: 10, maxCatchAllRetrySeconds: 86_400 },
  })

describe('findHeartbeatNotBelowTimeout', () => {
  test('finds HeartbeatSeconds that equals or exceeds TimeoutSeconds', () => {
    const equal = machine({ TimeoutSeconds: 60, HeartbeatSeconds: 60 })
    const above = machine({ TimeoutSeconds: 60, HeartbeatSeconds: 90 })

    const messages = [...lint(equal), ...lint(above)].map(formatDiagnostic)

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN251 /States/Work/HeartbeatSeconds: Task 'Work' has HeartbeatSeconds 60, not below its TimeoutSeconds 60, so the heartbeat never fires before the timeout. Set HeartbeatSeconds lower than TimeoutSeconds.",
        "warning SFN251 /States/Work/HeartbeatSeconds: Task 'Work' has HeartbeatSeconds 90, not below its TimeoutSeconds 60, so the heartbeat never fires before the timeout. Set HeartbeatSeconds lower than TimeoutSeconds.",
      ]
    `)
  })

  test('validate() reports the validator error alone, not the lint repeating it', () => {
    const diagnostics = validate(machine({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }))

    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toStrictEqual([
      ['SFN232', 'error', '/States/Work/HeartbeatSeconds'],
    ])
  })

  test('accepts a heartbeat below the timeout, and timeouts it cannot read', () => {
    const below = machine({ TimeoutSeconds: 60, HeartbeatSeconds: 10 })
    const fromInput = machine({ TimeoutSecondsPath: '$.t', HeartbeatSeconds: 10 })

    expect([...validate(below), ...validate(fromInput)]).toStrictEqual([])
  })
})
