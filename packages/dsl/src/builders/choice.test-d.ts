import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { choice, eq, lambda, type OutputOf, pass, task, workflow } from '../index.ts'

const Request = z.object({
  express: z.boolean(),
  order: z.object({ id: z.string(), total: z.number() }),
})
const ship = lambda('Ship', {
  input: z.object({ id: z.string(), total: z.number() }),
  output: z.object({ trackingId: z.string() }),
})

describe('Choice outputPath() shapes what every branch target receives', () => {
  test('targets are typed by the selected part; conditions still read the whole input', () => {
    const flow = workflow('Route', { input: Request }, (start) =>
      start.choice('Express', (c) =>
        c
          .outputPath((s) => s.order)
          .when((s) => eq(s.express, true), task(ship))
          .otherwise((order) => {
            expectTypeOf<OutputOf<typeof order>>().toEqualTypeOf<{ id: string; total: number }>()
            return order.pass('Keep')
          }),
      ),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
      { trackingId: string } | { id: string; total: number }
    >()
  })

  test('the standalone choice() takes it too', () => {
    const route = choice('Express', { input: Request })
      .outputPath((s) => s.order)
      .when((s) => eq(s.express, true), task(ship))

    expectTypeOf<OutputOf<typeof route>>().toEqualTypeOf<{ trackingId: string }>()
  })

  test('rejects a target that needs the whole input once outputPath() selected a part', () => {
    const needsRequest = lambda('Audit', { input: Request, output: z.object({ ok: z.boolean() }) })

    workflow('Route', { input: Request }, (start) =>
      start.choice('Express', (c) =>
        // @ts-expect-error the targets receive only the order, and Audit needs the whole request
        c.outputPath((s) => s.order).when((s) => eq(s.express, true), task(needsRequest)),
      ),
    )
  })

  test('rejects a condition on the selected part instead of the input', () => {
    workflow('Route', { input: Request }, (start) =>
      start.choice('Express', (c) =>
        // @ts-expect-error conditions read the input, which has no field id (the order has)
        c.outputPath((s) => s.order).when((s) => eq(s.id, 'x'), pass('Keep')),
      ),
    )
  })

  test('rejects outputPath() after a when(), whose target was typed by the whole input', () => {
    workflow('Route', { input: Request }, (start) =>
      start.choice('Express', (c) =>
        // @ts-expect-error outputPath() comes before the first when()
        c.when((s) => eq(s.express, true), pass('Keep')).outputPath((s) => s.order),
      ),
    )
  })

  test('rejects a path to a field the input does not have', () => {
    workflow('Route', { input: Request }, (start) =>
      start.choice('Express', (c) =>
        // @ts-expect-error the input has no field shipment
        c.outputPath((s) => s.shipment).otherwise(pass('Keep')),
      ),
    )
  })
})
