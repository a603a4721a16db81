import type { AslStateMachine } from '@statewright/asl'

/**
 * The e-commerce workflow of scenarios 1 and 7: three Lambda tasks with local handlers, each with Retry
 * and Catch, and a Choice. Direct Lambda ARNs (not `lambda:invoke`) so that every tool returns the
 * function's own result with no envelope: both sides do the same work per execution.
 */

export interface Order {
  orderId: string
  customerId: string
  amount: number
  items: { sku: string; quantity: number; price: number }[]
}

const account = 'arn:aws:lambda:us-east-1:123456789012:function:'
export const ECOMMERCE_FUNCTIONS = {
  validate: `${account}ValidateOrder`,
  charge: `${account}ChargePayment`,
  ship: `${account}ShipOrder`,
} as const

const retryTransient = [
  {
    ErrorEquals: ['Lambda.TooManyRequestsException', 'Lambda.ServiceException'],
    IntervalSeconds: 1,
    MaxAttempts: 3,
    BackoffRate: 2,
  },
]
const catchAll = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'OrderFailed' }]

export const ecommerceDefinition: AslStateMachine = {
  Comment: 'E-commerce order: validate, charge, ship (bench scenario 1)',
  StartAt: 'ValidateOrder',
  States: {
    ValidateOrder: {
      Type: 'Task',
      Resource: ECOMMERCE_FUNCTIONS.validate,
      ResultPath: '$.validation',
      Retry: retryTransient,
      Catch: catchAll,
      Next: 'IsValid',
    },
    IsValid: {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.validation.valid', BooleanEquals: true },
            { Variable: '$.validation.total', NumericGreaterThan: 0 },
          ],
          Next: 'ChargePayment',
        },
      ],
      Default: 'OrderRejected',
    },
    ChargePayment: {
      Type: 'Task',
      Resource: ECOMMERCE_FUNCTIONS.charge,
      Parameters: {
        'orderId.$': '$.orderId',
        'customerId.$': '$.customerId',
        'total.$': '$.validation.total',
      },
      ResultPath: '$.payment',
      Retry: retryTransient,
      Catch: catchAll,
      Next: 'ShipOrder',
    },
    ShipOrder: {
      Type: 'Task',
      Resource: ECOMMERCE_FUNCTIONS.ship,
      Parameters: { 'orderId.$': '$.orderId', 'paymentId.$': '$.payment.paymentId' },
      ResultSelector: { 'trackingId.$': '$.trackingId' },
      ResultPath: '$.shipment',
      Retry: retryTransient,
      Catch: catchAll,
      End: true,
    },
    OrderRejected: { Type: 'Fail', Error: 'OrderRejected', Cause: 'The order failed validation.' },
    OrderFailed: { Type: 'Fail', Error: 'OrderFailed', Cause: 'A task of the order failed.' },
  },
} as unknown as AslStateMachine

export interface ValidationResult {
  valid: boolean
  total: number
}

/** The three local handlers: plain synchronous functions, the same for every tool and for the floor. */
export const ecommerceHandlers = {
  validateOrder(order: Order): ValidationResult {
    let total = 0
    for (const item of order.items) total += item.quantity * item.price
    return { valid: order.items.length > 0 && total === order.amount, total }
  },
  chargePayment(request: { orderId: string; customerId: string; total: number }): {
    paymentId: string
    charged: number
  } {
    return { paymentId: `pay-${request.orderId}`, charged: request.total }
  },
  shipOrder(request: { orderId: string; paymentId: string }): {
    trackingId: string
    carrier: string
  } {
    return { trackingId: `trk-${request.orderId}-${request.paymentId}`, carrier: 'bench' }
  },
}

/** Handlers keyed by state name and by function ARN, the two ways tools look them up. */
export const ecommerceHandlersByKey: Record<string, (input: any) => unknown> = {
  ValidateOrder: ecommerceHandlers.validateOrder,
  ChargePayment: ecommerceHandlers.chargePayment,
  ShipOrder: ecommerceHandlers.shipOrder,
}

/** Order number `i`: valid, with two lines whose total equals `amount`. */
export function makeOrder(i: number): Order {
  const items = [
    { sku: `sku-${i % 17}`, quantity: 1 + (i % 3), price: 10 },
    { sku: `sku-${i % 5}`, quantity: 2, price: 2.5 },
  ]
  return {
    orderId: `order-${i}`,
    customerId: `customer-${i % 101}`,
    amount: items.reduce((sum, item) => sum + item.quantity * item.price, 0),
    items,
  }
}

/** The output every correct execution of order `i` produces; both sides are checked against it. */
export function expectedOutput(order: Order): unknown {
  const validation = ecommerceHandlers.validateOrder(order)
  const payment = ecommerceHandlers.chargePayment({
    orderId: order.orderId,
    customerId: order.customerId,
    total: validation.total,
  })
  return {
    ...order,
    validation,
    payment,
    shipment: { trackingId: `trk-${order.orderId}-${payment.paymentId}` },
  }
}
