import { z } from 'zod'

// The Lambda functions of the JSONata pricing workflow: their schemas and the handler code run locally.

export const Line = z.object({
  sku: z.string(),
  price: z.number().nonnegative(),
  quantity: z.number().int().positive(),
})
export type Line = z.infer<typeof Line>

export const Order = z.object({
  orderId: z.string(),
  customerId: z.string(),
  items: z.array(Line).min(1),
})
export type Order = z.infer<typeof Order>

export const Customer = z.object({
  tier: z.enum(['GOLD', 'STANDARD']),
  email: z.string(),
})
export type Customer = z.infer<typeof Customer>

export const ChargeRequest = z.object({
  orderId: z.string(),
  amount: z.number().nonnegative(),
  email: z.string(),
})
export type ChargeRequest = z.infer<typeof ChargeRequest>

export const Payment = z.object({ paymentId: z.string(), charged: z.number() })
export type Payment = z.infer<typeof Payment>

/** Customers the local handler answers from; a real implementation reads the CRM. */
export const customers: Readonly<Record<string, Customer>> = {
  'cust-42': { tier: 'GOLD', email: 'ada@example.com' },
  'cust-7': { tier: 'STANDARD', email: 'bob@example.com' },
}

/** Looks the customer up; an unknown customer is an error the workflow does not catch. */
export function loadCustomer({ customerId }: { customerId: string }): Customer {
  const customer = customers[customerId]
  if (customer === undefined) {
    throw Object.assign(new Error(`No customer ${customerId}`), { name: 'CustomerNotFound' })
  }
  return customer
}

/** Charges the amount; a real implementation calls the payment provider. */
export function chargeCustomer(request: ChargeRequest): Payment {
  return { paymentId: `pay-${request.orderId}`, charged: request.amount }
}
