import { eq, lambda, or, workflow } from '@statewright/dsl'
import { z } from 'zod'
import { bookCarrier, CarrierBooking, Label, printLabel, ShipmentRequest } from './tasks.ts'

const BookCarrier = lambda('BookCarrierFunction', {
  input: ShipmentRequest.extend({ country: z.string() }),
  output: CarrierBooking,
  handler: bookCarrier,
})
const PrintLabel = lambda('PrintLabelFunction', {
  input: z.object({ orderId: z.string(), carrier: z.string() }),
  output: Label,
  handler: printLabel,
})

/**
 * The child workflow: books a carrier and prints the label, or fails with `CannotShip` when no carrier
 * delivers to the address's country (GB, FR, DE and US are served). Deployed as its own state machine, `ShipOrder`.
 */
export const shipOrder = workflow(
  'ShipOrder',
  { input: ShipmentRequest, region: 'us-east-1', account: '123456789012' },
  (start) =>
    start.choice('CanShip', (c) =>
      c
        .when(
          (s) =>
            or(
              eq(s.address.country, 'GB'),
              eq(s.address.country, 'FR'),
              eq(s.address.country, 'DE'),
              eq(s.address.country, 'US'),
            ),
          (ship) =>
            ship
              .task(BookCarrier, (t) =>
                t
                  .parameters((s) => ({
                    orderId: s.orderId,
                    address: s.address,
                    items: s.items,
                    country: s.address.country,
                  }))
                  .resultPath('booking'),
              )
              .task(PrintLabel, (t) =>
                t.parameters((s) => ({ orderId: s.orderId, carrier: s.booking.carrier })),
              ),
        )
        .otherwise((no) =>
          no.fail('CannotShip', {
            error: 'CannotShip',
            causeFrom: (s) => s.address.country,
          }),
        ),
    ),
)
