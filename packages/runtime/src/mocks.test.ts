import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, it } from 'vitest'
import { run } from './execution.ts'
import type { MockConfigFile } from './mocks.ts'

const definition: AslStateMachine = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 2 }],
      OutputPath: '$.Payload',
      End: true,
    },
  },
}

const config: MockConfigFile = {
  StateMachines: {
    Orders: { TestCases: { Throttled: { Charge: 'ThrottleThenCharge' } } },
  },
  MockedResponses: {
    ThrottleThenCharge: {
      '0': { Throw: { Error: 'Lambda.TooManyRequestsException', Cause: 'slow down' } },
      '1': { Return: { StatusCode: 200, Payload: { charged: true } } },
    },
  },
}

describe('mocks (Step Functions Local MockConfigFile)', () => {
  it('answers per invocation: a throttle, then the whole service response', async () => {
    const result = await run(
      definition,
      {},
      {
        mockConfig: config,
        mockTestCase: 'Throttled',
        stateMachineName: 'Orders',
      },
    )

    expect(result.output).toEqual({ charged: true })
    expect(result.history.filter((e) => e.type === 'TaskFailed')).toHaveLength(1)
  })

  it('fails with States.Runtime when a mock has no answer for an invocation', async () => {
    const result = await run(
      definition,
      {},
      { mocks: { Charge: { '0': { Throw: { Error: 'Lambda.TooManyRequestsException' } } } } },
    )

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('States.Runtime')
    expect(result.cause).toContain('no answer for invocation 1')
  })

  it('names the missing test case', async () => {
    await expect(
      run(definition, {}, { mockConfig: config, mockTestCase: 'Nope', stateMachineName: 'Orders' }),
    ).rejects.toThrow("The mock config has no test case 'Nope' for 'Orders'")
  })
})
