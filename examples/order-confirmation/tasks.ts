import { z } from 'zod'

export const OrderRequest = z.object({
  orderId: z.string(),
  email: z.email(),
  total: z.number().nonnegative(),
})
export type OrderRequest = z.infer<typeof OrderRequest>

export const ProcessedOrder = OrderRequest.extend({ confirmationNumber: z.string() })
export type ProcessedOrder = z.infer<typeof ProcessedOrder>

export const EmailReceipt = z.object({ messageId: z.string(), to: z.string() })
export type EmailReceipt = z.infer<typeof EmailReceipt>

export function processOrder(order: OrderRequest): ProcessedOrder {
  return { ...order, confirmationNumber: `CONF-${order.orderId.toUpperCase()}` }
}

/** Sends the confirmation; a real implementation calls the mail service (which fails now and then). */
export function sendEmail(order: ProcessedOrder): EmailReceipt {
  return { messageId: `msg-${order.confirmationNumber}`, to: order.email }
}
