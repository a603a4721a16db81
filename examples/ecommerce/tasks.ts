import { z } from 'zod'

// The Lambda functions of the e-commerce workflow: their input/output schemas and the real handler code
// the tests run locally. In production each handler is deployed as the Lambda function of the same name.

export const Order = z.object({
  orderId: z.string(),
  amount: z.number().positive(),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
})
export type Order = z.infer<typeof Order>

export const PaidOrder = z.object({
  orderId: z.string(),
  items: Order.shape.items,
  paymentId: z.string(),
})
export type PaidOrder = z.infer<typeof PaidOrder>

export const InventoryChecked = PaidOrder.extend({ inventoryResult: z.boolean() })
export type InventoryChecked = z.infer<typeof InventoryChecked>

export const Shipment = z.object({
  orderId: z.string(),
  paymentId: z.string(),
  trackingNumber: z.string(),
})
export type Shipment = z.infer<typeof Shipment>

/** Charges the order; a real implementation calls the payment provider. */
export function processPayment(order: Order): PaidOrder {
  return { orderId: order.orderId, items: order.items, paymentId: `pay-${order.orderId}` }
}

/** Stock levels the local inventory handler answers from. */
export const stock: Readonly<Record<string, number>> = { 'sku-book': 10, 'sku-lamp': 1 }

/** Reserves stock for every line; `inventoryResult` says whether all of it was available. */
export function checkInventory(order: PaidOrder): InventoryChecked {
  const inventoryResult = order.items.every((line) => (stock[line.sku] ?? 0) >= line.quantity)
  return { ...order, inventoryResult }
}

/** Books the parcel with the carrier. */
export function initiateShipping(order: InventoryChecked): Shipment {
  return {
    orderId: order.orderId,
    paymentId: order.paymentId,
    trackingNumber: `track-${order.orderId}`,
  }
}
