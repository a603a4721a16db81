import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { enteredStates } from './history.ts'
import { ecommerce } from './ecommerce.ts'

describe('the ecommerce workflow, executed', () => {
  test('the happy path ships the order', async () => {
    const result = await run(ecommerce, { orderId: 'o1', amount: 5 })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ trackingId: 'track-o1' })
    expect(enteredStates(result.history)).toStrictEqual([
      'ProcessPayment',
      'CheckInventory',
      'InventoryCheckPassed',
      'InitiateShipping',
    ])
  })

  test('an inventory shortfall ends in InventoryFailureHandler', async () => {
    const result = await run(
      ecommerce,
      { orderId: 'o1', amount: 5 },
      {
        handlers: {
          CheckInventory: (input: { orderId: string }) => ({ ...input, inventoryResult: false }),
        },
      },
    )

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('InventoryCheckError')
    expect(result.cause).toBe('Inventory check failed or insufficient inventory')
  })
})
