import { z } from 'zod'
import { fail, lambda, pass, task, workflow } from './src/index.ts'
import { lowerWorkflow } from './src/ir/index.ts'
const Order = z.object({ orderId: z.string(), amount: z.number() })
let tb = 0,
  tw = 0,
  tl = 0
function build(n: number) {
  let t = performance.now()
  const failed = fail('Failed', { error: 'ChargeFailed' })
  const states = Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? task(lambda(`F${i}Function`, { input: Order, output: Order }))
          .retry(['Lambda.TooManyRequestsException'], {
            maxAttempts: 3,
            backoffRate: 2,
            intervalSeconds: 1,
          })
          .catch(['States.ALL'], failed)
      : pass(`P${i}`),
  )
  tb += performance.now() - t
  t = performance.now()
  const wf = workflow(
    'Big',
    { input: Order, region: 'us-east-1', account: '123456789012' },
    (start) => states.reduce((c: any, s) => c.next(s), start),
  )
  tw += performance.now() - t
  t = performance.now()
  lowerWorkflow(wf.toIr())
  tl += performance.now() - t
}
for (let k = 0; k < 5; k++) build(1000)
tb = tw = tl = 0
for (let k = 0; k < 20; k++) build(1000)
console.log(
  'builders',
  (tb / 20).toFixed(1),
  'workflow',
  (tw / 20).toFixed(1),
  'lower',
  (tl / 20).toFixed(1),
)
