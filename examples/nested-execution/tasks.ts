import { z } from 'zod'

// Schemas and handler code of both workflows: the parent (order fulfillment) and the child it starts
// (shipping). In production each handler is the Lambda function of the same name.

export const Address = z.object({ street: z.string(), city: z.string(), country: z.string() })
export const Item = z.object({ sku: z.string(), quantity: z.number().int().positive() })

export const Order = z.object({
  orderId: z.string(),
  email: z.string(),
  address: Address,
  items: z.array(Item).min(1),
})
export type Order = z.infer<typeof Order>

/** The child workflow's input: what shipping needs to know about the order. */
export const ShipmentRequest = z.object({
  orderId: z.string(),
  address: Address,
  items: z.array(Item),
})
export type ShipmentRequest = z.infer<typeof ShipmentRequest>

export const CarrierBooking = z.object({ carrier: z.string(), parcels: z.number().int() })
export type CarrierBooking = z.infer<typeof CarrierBooking>

/** The child workflow's output. */
export const Label = z.object({
  orderId: z.string(),
  carrier: z.string(),
  trackingNumber: z.string(),
})
export type Label = z.infer<typeof Label>

export const Notification = z.object({ messageId: z.string() })
export type Notification = z.infer<typeof Notification>

/** Books a carrier for the parcels (one per item line). */
export function bookCarrier(request: ShipmentRequest & { country: string }): CarrierBooking {
  return { carrier: request.country === 'US' ? 'UPS' : 'DHL', parcels: request.items.length }
}

/** Prints the shipping label and returns its tracking number. */
export function printLabel(input: { orderId: string; carrier: string }): Label {
  return {
    orderId: input.orderId,
    carrier: input.carrier,
    trackingNumber: `${input.carrier}-${input.orderId}`,
  }
}

/** Emails the tracking number to the customer. */
export function notifyCustomer(input: { email: string; trackingNumber: string }): Notification {
  return { messageId: `mail-${input.trackingNumber}` }
}
