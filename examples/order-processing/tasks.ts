import { z } from 'zod'

// Three Lambda functions of a classic order flow, with the code tests run in their place.

export const Order = z.object({
  orderId: z.string(),
  customerEmail: z.email(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  amount: z.number().positive(),
})
export type Order = z.infer<typeof Order>

export const Reserved = Order.extend({ reservationId: z.string() })
export type Reserved = z.infer<typeof Reserved>

export const Charged = Reserved.extend({ chargeId: z.string() })
export type Charged = z.infer<typeof Charged>

export const Notified = z.object({ orderId: z.string(), notified: z.literal(true) })
export type Notified = z.infer<typeof Notified>

export function checkInventory(order: Order): Reserved {
  if (order.quantity > 100) {
    throw Object.assign(new Error(`Only 100 of ${order.sku} left`), { name: 'OutOfStock' })
  }
  return { ...order, reservationId: `res-${order.orderId}` }
}

export function processPayment(order: Reserved): Charged {
  return { ...order, chargeId: `ch-${order.orderId}` }
}

export function notifyCustomer(order: Charged): Notified {
  return { orderId: order.orderId, notified: true }
}
