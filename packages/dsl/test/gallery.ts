// One workflow per construct family, in both query languages: the valid-ASL suite checks every one.
import type { QueryLanguage } from '@statewright/asl'
import { z } from 'zod'
import {
  activity,
  arrayRange,
  at,
  condition,
  eq,
  fail,
  format,
  fragment,
  goto,
  gt,
  isPresent,
  jsonata,
  lambda,
  lambdaInvoke,
  pass,
  sqsSendMessage,
  startExecution,
  task,
  taskToken,
  timestampLt,
  variable,
  wait,
  waitForTaskToken,
  workflow,
  type Workflow,
} from '../src/index.ts'

const aws = { region: 'us-east-1', account: '123456789012' } as const
const Order = z.object({
  id: z.string(),
  total: z.number(),
  at: z.string(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
})
const charge = lambda('ChargeFunction', {
  input: z.object({ orderId: z.string(), amount: z.number() }),
  output: z.object({ paymentId: z.string() }),
})
const reserve = lambdaInvoke('ReserveFunction', {
  input: z.object({ sku: z.string() }),
  output: z.object({ ok: z.boolean() }),
  unwrap: true,
})
const paid = variable<string>('paid')

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function gallery(language: QueryLanguage): Record<string, Workflow<any, any>> {
  const child = workflow('Child', { input: z.object({ id: z.string() }), ...aws }, (start) =>
    start.pass('Done'),
  )
  const pause = wait('Pause', { seconds: 5 })
  const note = fragment({ input: Order }, (start) => start.pass('Note'))
  const approval = waitForTaskToken(
    sqsSendMessage<{ token: string }>({ queueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q' }),
    {
      output: z.object({ ok: z.boolean() }),
    },
  )
  const review = activity('Review', { input: Order, output: z.object({ ok: z.boolean() }) })
  const options = { input: Order, queryLanguage: language, comment: 'gallery', ...aws }
  return {
    dataFlow: workflow('DataFlow', options, (start) =>
      start
        .task(charge, (t) =>
          t
            .parameters((s) => ({ orderId: s.id, amount: s.total }))
            .assign(paid, (r) => r.paymentId)
            .resultSelector((r) => ({ pid: r.paymentId }))
            .resultPath('payment')
            .retry(['States.TaskFailed'], {
              intervalSeconds: 1,
              maxAttempts: 2,
              backoffRate: 2,
              maxDelaySeconds: 4,
              jitter: 'FULL',
            })
            .catch(['States.ALL'], (h) => h.fail('Failed', { error: 'Charge' }), {
              resultPath: 'error',
            })
            .timeout(30)
            .heartbeat(10),
        )
        .pass('Shape', (p) =>
          p.parameters((s) => ({
            text: format('{} paid {}', s.id, s.payment.pid),
            range: arrayRange(1, 3, 1),
            paid,
          })),
        ),
    ),
    choices: workflow('Choices', options, (start) =>
      start.choice('Route', (c) =>
        c
          .when(
            (s) => gt(s.total, 10),
            (b) => b.succeed('Big'),
          )
          .when(
            (s) => timestampLt(s.at, '2020-01-01T00:00:00Z'),
            (b) => b.succeed('Old'),
          )
          .when(
            (s) => isPresent(at(s.lines, 0)),
            (b) => b.next(pause).pass('AfterPause'),
          )
          .otherwise((b) => b.fail('None', { errorFrom: (s) => s.id, cause: 'no route' })),
      ),
    ),
    nested: workflow('Nested', options, (start) =>
      start
        .parallel(
          'Both',
          [(b) => b.pass('Left'), (b) => b.wait('Right', { seconds: (s) => s.total })],
          (p) => p.resultPath('both'),
        )
        .map(
          'Lines',
          {
            items: (s) => s.lines,
            itemSelector: (item, index) => ({ sku: item.sku, index }),
            maxConcurrency: 2,
            process: (line) => line.task(reserve, (t) => t.parameters((s) => ({ sku: s.sku }))),
          },
          (m) => m.resultPath('reserved'),
        )
        .map('Records', {
          itemSchema: z.object({ key: z.string() }),
          process: (record) => record.pass('Record'),
          distributed: {
            itemReader: {
              resource: 'arn:aws:states:::s3:getObject',
              readerConfig: { InputType: 'JSONL' },
              parameters: () => ({ Bucket: 'b', Key: 'k' }),
            },
            itemBatcher: { maxItemsPerBatch: 10 },
            toleratedFailurePercentage: 5,
            label: 'Records',
          },
        }),
    ),
    loops: workflow('Loops', options, (start) =>
      start
        .next(note('First'))
        .next(pause)
        .choice('Again', (c) =>
          c
            .when(
              (s) => eq(s.id, 'done'),
              (b) => b.succeed('Stop'),
            )
            .otherwise(goto(pause)),
        ),
    ),
    integrations: workflow('Integrations', options, (start) =>
      start
        .task(approval, (t) =>
          t
            .parameters(() => ({ MessageBody: { token: taskToken() } }))
            .resultPath('approval')
            .timeout(3600),
        )
        .task(startExecution(child, { sync: true }), (t) =>
          t.parameters((s) => ({ Input: { id: s.id } })).resultPath(null),
        )
        .next(task(review)),
    ),
    ...(language === 'JSONata'
      ? {
          expressions: workflow('Expressions', options, (start) =>
            start.choice('Count', (c) =>
              c
                .when(
                  () => condition(jsonata<boolean>('$count($states.input.lines) > 1')),
                  (b) =>
                    b.next(
                      pass('Many').parameters(() => ({
                        n: jsonata<number>('$count($states.input.lines)'),
                      })),
                    ),
                )
                .otherwise(fail('Few')),
            ),
          ),
        }
      : {}),
  }
}
