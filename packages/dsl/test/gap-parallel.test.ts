// Gaps 1 and 2 of COVERAGE.md: a Parallel whose parameters reshape the branches' input (Parameters, or a
// bare reference as InputPath) and references into its tuple result by position, lowered whole in JSONPath
// and JSONata and executed by the runtime in both.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, lambda, parallel, type Ref, task, variable, workflow } from '../src/index.ts'
import { enteredStates } from './history.ts'

const aws = { region: 'us-east-1', account: '111111111111' } as const
const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const arn = (name: string): string => `arn:aws:lambda:us-east-1:111111111111:function:${name}`

const Order = z.object({
  id: z.string(),
  limit: z.number(),
  customer: z.object({ tier: z.string() }),
})
const audit = lambda('AuditFunction', {
  input: z.object({ id: z.string(), n: z.number() }),
  output: z.object({ audited: z.string() }),
  handler: (input) => ({ audited: `${input.id}/${input.n}` }),
})
const rate = lambda('RateFunction', {
  input: z.object({ tier: z.string() }),
  output: z.object({ score: z.number() }),
  handler: (input) => ({ score: input.tier === 'gold' ? 3 : 1 }),
})
const audited = variable<string>('audited')

const reshaped = (language: QueryLanguage) =>
  workflow('Reshape', { input: Order, queryLanguage: language, ...aws }, (start) =>
    start
      .parallel(
        'Both',
        {
          parameters: (s) => ({ id: s.id, n: s.limit, tier: s.customer.tier }),
          branches: [(b) => b.task(rate), (b) => b.task(audit)],
        },
        (p) =>
          p
            .assign(audited, (r) => r[1].audited)
            .resultSelector((r) => ({ score: r[0].score, audit: r[1].audited }))
            .resultPath('checks'),
      )
      .parallel(
        'Tier',
        { parameters: (s) => s.customer, branches: [(b) => b.pass('Tiered')] },
        (p) => p.resultPath('rating'),
      ),
  )

describe('gaps 1 and 2: Parallel parameters() reshape the branches, r[i] reads one branch', () => {
  test('lowers whole to JSONPath: Parameters, InputPath for a bare reference, $[1] paths', () => {
    expect(reshaped('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Rate',
              States: { Rate: { Type: 'Task', Resource: arn('RateFunction'), End: true } },
            },
            {
              StartAt: 'Audit',
              States: { Audit: { Type: 'Task', Resource: arn('AuditFunction'), End: true } },
            },
          ],
          Parameters: { 'id.$': '$.id', 'n.$': '$.limit', 'tier.$': '$.customer.tier' },
          ResultSelector: { 'score.$': '$[0].score', 'audit.$': '$[1].audited' },
          ResultPath: '$.checks',
          Assign: { 'audited.$': '$[1].audited' },
          Next: 'Tier',
        },
        Tier: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Tiered', States: { Tiered: { Type: 'Pass', End: true } } }],
          InputPath: '$.customer',
          ResultPath: '$.rating',
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: Arguments, $states.result[1]', () => {
    expect(reshaped('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Rate',
              States: { Rate: { Type: 'Task', Resource: arn('RateFunction'), End: true } },
            },
            {
              StartAt: 'Audit',
              States: { Audit: { Type: 'Task', Resource: arn('AuditFunction'), End: true } },
            },
          ],
          Arguments: {
            id: '{% $states.input.id %}',
            n: '{% $states.input.limit %}',
            tier: '{% $states.input.customer.tier %}',
          },
          Output:
            '{% $merge([$states.input, {"checks": {"score": $states.result[0].score, "audit": $states.result[1].audited}}]) %}',
          Assign: { audited: '{% $states.result[1].audited %}' },
          Next: 'Tier',
        },
        Tier: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Tiered', States: { Tiered: { Type: 'Pass', End: true } } }],
          Arguments: '{% $states.input.customer %}',
          Output: '{% $merge([$states.input, {"rating": $states.result}]) %}',
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)(
    'in %s, the branches get what parameters builds and r[1] reads the second branch',
    async (language) => {
      const input = { id: 'o1', limit: 4, customer: { tier: 'gold' } }
      const result = await run(reshaped(language), input)

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual({
        ...input,
        checks: { score: 3, audit: 'o1/4' },
        rating: [{ tier: 'gold' }],
      })
      expect(enteredStates(result.history)).toStrictEqual([
        'Both',
        'Rate',
        'Audit',
        'Tier',
        'Tiered',
      ])
      const exited = result.history.find((e) => e.type === 'ParallelStateExited')
      expect(exited?.stateExitedEventDetails?.['assignedVariables']).toStrictEqual({
        audited: '"o1/4"',
      })
    },
  )

  test('a standalone Parallel with parameters runs after any state', async () => {
    const alone = parallel('Alone', {
      parameters: (s: Ref<z.input<typeof Order>>) => ({ id: s.id, n: s.limit }),
      branches: [task(audit)],
    })
    const flow = workflow('Alone', { input: Order, ...aws }, (start) => start.next(alone))
    const result = await run(flow, { id: 'o2', limit: 1, customer: { tier: 'x' } })

    expect(result.output).toStrictEqual([{ audited: 'o2/1' }])
  })

  test('options without parameters, or parameters() twice, are refused with the fix', () => {
    const missing = () =>
      parallel('NoParams', { branches: [task(audit)] } as never as Parameters<typeof parallel>[1])
    expect(missing).toThrow(DslError)
    expect(missing).toThrow(
      "Parallel 'NoParams' is given options without parameters: write { parameters: (s) => ({ … }), branches: [ … ] }, or pass the branches array alone.",
    )
    const twice = () =>
      workflow('Twice', { input: Order, ...aws }, (start) =>
        start.parallel(
          'Both',
          { parameters: (s) => ({ id: s.id, n: s.limit }), branches: [task(audit)] },
          (p) => p.parameters(() => ({ id: 'x', n: 1 }) as never),
        ),
      )
    expect(twice).toThrow(
      "parameters() on 'Both' comes after parameters(): call each of parameters(), resultSelector(), resultPath(), outputPath() at most once, in that order (ASL applies them in that order).",
    )
  })
})
