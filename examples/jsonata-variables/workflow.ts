import { eq, jsonata, lambda, variable, workflow } from '@statewright/dsl'
import { z } from 'zod'
import { ChargeRequest, chargeCustomer, Customer, loadCustomer, Order, Payment } from './tasks.ts'

const LoadCustomer = lambda('LoadCustomerFunction', {
  input: z.object({ customerId: z.string() }),
  output: Customer,
  handler: loadCustomer,
})
const ChargeCustomer = lambda('ChargeCustomerFunction', {
  input: ChargeRequest,
  output: Payment,
  handler: chargeCustomer,
})

// Workflow variables (Assign): typed symbols set by one state and read by any later one.
const tier = variable<'GOLD' | 'STANDARD'>('tier')
const email = variable<string>('email')
const discountRate = variable<number>('discountRate')
const total = variable<number>('total')
const paymentId = variable<string>('paymentId')

/**
 * Prices an order in JSONata: the customer's tier and email are kept in variables instead of being
 * carried in the state data, a Choice sets the discount rate, a Map reads that outer variable in every
 * iteration, and the final Pass reads every variable to build the summary.
 */
export const pricing = workflow(
  'OrderPricing',
  {
    input: Order,
    queryLanguage: 'JSONata',
    comment: 'Prices an order with JSONata expressions and workflow variables',
  },
  (start) =>
    start
      .task(LoadCustomer, (t) =>
        t
          .parameters((s) => ({ customerId: s.customerId }))
          .assign(tier, (r) => r.tier)
          .assign(email, (r) => r.email)
          .resultPath(null),
      )
      .choice('IsGoldCustomer', (c) =>
        c
          .when(
            () => eq(tier, 'GOLD'),
            (gold) => gold.pass('GoldDiscount', (p) => p.assign(discountRate, () => 0.1)),
          )
          .otherwise((other) => other.pass('NoDiscount', (p) => p.assign(discountRate, () => 0))),
      )
      .map(
        'PriceLines',
        {
          items: (s) => s.items,
          process: (line) =>
            line.pass('PriceLine', (p) =>
              p.parameters((l) => ({
                sku: l.sku,
                // An iteration reads the outer variable $discountRate (it could not assign it).
                total: jsonata<number>(
                  '$round($states.input.price * $states.input.quantity * (1 - $discountRate), 2)',
                ),
              })),
            ),
        },
        (m) =>
          m
            .assign(total, () => jsonata<number>('$round($sum($states.result.total), 2)'))
            .resultPath('lines'),
      )
      .task(ChargeCustomer, (t) =>
        t
          .parameters((s) => ({ orderId: s.orderId, amount: total, email }))
          .assign(paymentId, (r) => r.paymentId)
          .resultPath(null),
      )
      .pass('Summary', (p) =>
        p.parameters((s) => ({
          orderId: s.orderId,
          tier,
          discountRate,
          lines: s.lines,
          total,
          paymentId,
          receiptTo: email,
        })),
      ),
)
