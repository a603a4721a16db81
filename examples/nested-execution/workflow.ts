import type { QueryLanguage } from '@statewright/asl'
import { lambda, startExecution, workflow } from '@statewright/dsl'
import { z } from 'zod'
import { shipOrder } from './child.ts'
import { Notification, notifyCustomer, Order } from './tasks.ts'

const NotifyCustomer = lambda('NotifyCustomerFunction', {
  input: z.object({ email: z.string(), trackingNumber: z.string() }),
  output: Notification,
  handler: notifyCustomer,
})

/**
 * The parent workflow: starts the `ShipOrder` state machine with `states:startExecution.sync:2`, waits for
 * it, reads the child's typed output (the tracking number) and emails it to the customer. A child that
 * fails makes the task fail with `States.TaskFailed`, which is caught; a child running over 15 minutes
 * times out. The same workflow written in either query language.
 */
export const fulfillment = (queryLanguage: QueryLanguage = 'JSONPath') =>
  workflow(
    'FulfillOrder',
    {
      input: Order,
      comment: 'Fulfills an order by running the ShipOrder state machine as a nested execution',
      region: 'us-east-1',
      account: '123456789012',
      queryLanguage,
    },
    (start) =>
      start
        .task(startExecution(shipOrder, { sync: true }), (t) =>
          t
            .parameters((s) => ({
              Input: { orderId: s.orderId, address: s.address, items: s.items },
            }))
            // `Output` is typed by the child workflow: its Label.
            .resultSelector((r) => ({
              trackingNumber: r.Output.trackingNumber,
              carrier: r.Output.carrier,
              execution: r.ExecutionArn,
            }))
            .resultPath('shipping')
            .timeout(900)
            .catch(['States.TaskFailed'], (failed) =>
              failed.fail('ShippingFailed', {
                error: 'ShippingFailed',
                causeFrom: (s) => s.Cause,
              }),
            ),
        )
        .task(NotifyCustomer, (t) =>
          t
            .parameters((s) => ({ email: s.email, trackingNumber: s.shipping.trackingNumber }))
            .resultPath('notification'),
        ),
  )

/** The parent in JSONPath, what `statewright run` and `statewright build` pick up. */
export const fulfillOrder = fulfillment()
