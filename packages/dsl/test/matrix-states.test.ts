// Coverage matrix (COVERAGE.md): Pass, Wait (four forms), Choice (Default, Assign, Comment), Succeed and
// Fail (Error/Cause and ErrorPath/CausePath), each lowered whole in JSONPath and JSONata and executed in both.
import type { QueryLanguage } from '@statewright/asl'
import { type HistoryEvent, run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { eq, gt, pass, set, variable, workflow } from '../src/index.ts'
import { enteredStates } from './history.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']

/** For each state that exited: its name, seconds since `start`, and the variables it assigned. */
const exits = (history: readonly HistoryEvent[], start: number) =>
  history.flatMap((event) => {
    const details = event.stateExitedEventDetails
    if (details === undefined) return []
    return [
      {
        name: details['name'],
        at: (event.timestamp.getTime() - start) / 1000,
        ...(details['assignedVariables'] === undefined
          ? {}
          : { assigned: details['assignedVariables'] }),
      },
    ]
  })

describe('Pass: pass-through, Result with ResultPath, InputPath, Parameters, Assign, OutputPath, Comment', () => {
  const Input = z.object({
    order: z.object({ id: z.string(), total: z.number() }),
    tier: z.string(),
  })
  const total = variable<number>('total')
  const flow = (language: QueryLanguage) =>
    workflow('Passes', { input: Input, queryLanguage: language }, (start) =>
      start
        .pass('Through', (p) => p.comment('keeps its input'))
        .next(
          pass('Fixed', { result: { retries: 2 }, comment: 'a fixed result' }).resultPath('config'),
        )
        .pass('Select', (p) => p.parameters((s) => s.order).resultPath('picked'))
        .pass('Shape', (p) =>
          p.parameters((s) => ({ id: s.picked.id, retries: s.config.retries, tier: s.tier })),
        )
        .pass('Remember', (p) => p.assign(total, (s) => s.retries))
        .pass('Narrow', (p) => p.outputPath((s) => s.id))
        .pass('Report', (p) => p.parameters((s) => ({ id: s, total }))),
    )

  test('lowers whole to JSONPath', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Through',
      States: {
        Through: { Type: 'Pass', Comment: 'keeps its input', Next: 'Fixed' },
        Fixed: {
          Type: 'Pass',
          Comment: 'a fixed result',
          Result: { retries: 2 },
          ResultPath: '$.config',
          Next: 'Select',
        },
        Select: { Type: 'Pass', InputPath: '$.order', ResultPath: '$.picked', Next: 'Shape' },
        Shape: {
          Type: 'Pass',
          Parameters: {
            'id.$': '$.picked.id',
            'retries.$': '$.config.retries',
            'tier.$': '$.tier',
          },
          Next: 'Remember',
        },
        Remember: { Type: 'Pass', Assign: { 'total.$': '$.retries' }, Next: 'Narrow' },
        Narrow: { Type: 'Pass', OutputPath: '$.id', Next: 'Report' },
        Report: { Type: 'Pass', Parameters: { 'id.$': '$', 'total.$': '$total' }, End: true },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: every data step is one Output', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Through',
      States: {
        Through: { Type: 'Pass', Comment: 'keeps its input', Next: 'Fixed' },
        Fixed: {
          Type: 'Pass',
          Comment: 'a fixed result',
          Output: '{% $merge([$states.input, {"config": {"retries":2}}]) %}',
          Next: 'Select',
        },
        Select: {
          Type: 'Pass',
          Output: '{% $merge([$states.input, {"picked": $states.input.order}]) %}',
          Next: 'Shape',
        },
        Shape: {
          Type: 'Pass',
          Output: {
            id: '{% $states.input.picked.id %}',
            retries: '{% $states.input.config.retries %}',
            tier: '{% $states.input.tier %}',
          },
          Next: 'Remember',
        },
        Remember: {
          Type: 'Pass',
          Assign: { total: '{% $states.input.retries %}' },
          Next: 'Narrow',
        },
        Narrow: { Type: 'Pass', Output: '{% $states.input.id %}', Next: 'Report' },
        Report: {
          Type: 'Pass',
          Output: { id: '{% $states.input %}', total: '{% $total %}' },
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, runs every Pass and outputs what they built', async (language) => {
    const result = await run(flow(language), { order: { id: 'o1', total: 5 }, tier: 'GOLD' })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ id: 'o1', total: 2 })
    expect(enteredStates(result.history)).toStrictEqual([
      'Through',
      'Fixed',
      'Select',
      'Shape',
      'Remember',
      'Narrow',
      'Report',
    ])
    const shaped = result.history.find(
      (e) => e.type === 'PassStateExited' && e.stateExitedEventDetails?.['name'] === 'Select',
    )
    expect(JSON.parse(String(shaped?.stateExitedEventDetails?.['output']))).toStrictEqual({
      order: { id: 'o1', total: 5 },
      tier: 'GOLD',
      config: { retries: 2 },
      picked: { id: 'o1', total: 5 },
    })
  })
})

describe('Wait (four forms, Assign, Comment), Choice (rules, Default, Assign, Comment), Succeed, Fail', () => {
  const Input = z.object({
    tier: z.string(),
    amount: z.number(),
    delay: z.number(),
    at: z.string(),
    code: z.string(),
    detail: z.string(),
  })
  const discount = variable<number>('discount')
  const waited = variable<string>('waited')
  const start = Date.parse('2030-01-01T00:00:00Z')
  const base = { delay: 2, at: '2030-01-01T00:02:00Z', code: 'Order.TooBig', detail: 'over 100' }
  const flow = (language: QueryLanguage) =>
    workflow('States', { input: Input, queryLanguage: language }, (chain) =>
      chain
        .wait('Seconds', {
          seconds: 1,
          comment: 'a literal delay',
          assign: (s) => [set(waited, s.tier)],
        })
        .wait('SecondsFromData', { seconds: (s) => s.delay })
        .wait('Until', { timestamp: '2030-01-01T00:01:00Z' })
        .wait('UntilFromData', { timestamp: (s) => s.at })
        .choice('Tier', (c) =>
          c
            .comment('Routes by tier')
            .when(
              (s) => eq(s.tier, 'GOLD'),
              (b) => b.succeed('Gold', { comment: 'done early', outputPath: (s) => s.tier }),
              { assign: (s) => [set(discount, s.amount)] },
            )
            .when(
              (s) => eq(s.tier, 'NONE'),
              (b) =>
                b.fail('NoTier', {
                  error: 'NoTier',
                  cause: 'no tier was given',
                  comment: 'refuses',
                }),
            )
            .otherwise((b) => b.pass('Standard'))
            .assign(() => [set(discount, 0)]),
        )
        .choice('Check', (c) =>
          c.when(
            (s) => gt(s.amount, 100),
            (b) => b.fail('TooMuch', { errorFrom: (s) => s.code, causeFrom: (s) => s.detail }),
          ),
        ),
    )

  test('lowers whole to JSONPath: SecondsPath, TimestampPath, ErrorPath, CausePath', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Seconds',
      States: {
        Seconds: {
          Type: 'Wait',
          Comment: 'a literal delay',
          Seconds: 1,
          Assign: { 'waited.$': '$.tier' },
          Next: 'SecondsFromData',
        },
        SecondsFromData: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Until' },
        Until: { Type: 'Wait', Timestamp: '2030-01-01T00:01:00Z', Next: 'UntilFromData' },
        UntilFromData: { Type: 'Wait', TimestampPath: '$.at', Next: 'Tier' },
        Tier: {
          Type: 'Choice',
          Comment: 'Routes by tier',
          Choices: [
            {
              Variable: '$.tier',
              StringEquals: 'GOLD',
              Next: 'Gold',
              Assign: { 'discount.$': '$.amount' },
            },
            { Variable: '$.tier', StringEquals: 'NONE', Next: 'NoTier' },
          ],
          Default: 'Standard',
          Assign: { discount: 0 },
        },
        Gold: { Type: 'Succeed', Comment: 'done early', OutputPath: '$.tier' },
        NoTier: { Type: 'Fail', Comment: 'refuses', Error: 'NoTier', Cause: 'no tier was given' },
        Standard: { Type: 'Pass', Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.amount', NumericGreaterThan: 100, Next: 'TooMuch' }],
        },
        TooMuch: { Type: 'Fail', ErrorPath: '$.code', CausePath: '$.detail' },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: expressions in Seconds, Timestamp, Error and Cause', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Seconds',
      States: {
        Seconds: {
          Type: 'Wait',
          Comment: 'a literal delay',
          Seconds: 1,
          Assign: { waited: '{% $states.input.tier %}' },
          Next: 'SecondsFromData',
        },
        SecondsFromData: { Type: 'Wait', Seconds: '{% $states.input.delay %}', Next: 'Until' },
        Until: { Type: 'Wait', Timestamp: '2030-01-01T00:01:00Z', Next: 'UntilFromData' },
        UntilFromData: { Type: 'Wait', Timestamp: '{% $states.input.at %}', Next: 'Tier' },
        Tier: {
          Type: 'Choice',
          Comment: 'Routes by tier',
          Choices: [
            {
              Condition: '{% $states.input.tier = "GOLD" %}',
              Next: 'Gold',
              Assign: { discount: '{% $states.input.amount %}' },
            },
            { Condition: '{% $states.input.tier = "NONE" %}', Next: 'NoTier' },
          ],
          Default: 'Standard',
          Assign: { discount: 0 },
        },
        Gold: { Type: 'Succeed', Comment: 'done early', Output: '{% $states.input.tier %}' },
        NoTier: { Type: 'Fail', Comment: 'refuses', Error: 'NoTier', Cause: 'no tier was given' },
        Standard: { Type: 'Pass', Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.amount > 100 %}', Next: 'TooMuch' }],
        },
        TooMuch: {
          Type: 'Fail',
          Error: '{% $states.input.code %}',
          Cause: '{% $states.input.detail %}',
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)(
    'in %s, each Wait form ends when it should; a matched rule assigns; Succeed outputs its part',
    async (language) => {
      const result = await run(
        flow(language),
        { ...base, tier: 'GOLD', amount: 5 },
        { startTime: start },
      )

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toBe('GOLD')
      expect(exits(result.history, start)).toStrictEqual([
        { name: 'Seconds', at: 1, assigned: { waited: '"GOLD"' } },
        { name: 'SecondsFromData', at: 3 },
        { name: 'Until', at: 60 },
        { name: 'UntilFromData', at: 120 },
        { name: 'Tier', at: 120, assigned: { discount: '5' } },
        { name: 'Gold', at: 120 },
      ])
    },
  )

  test.each(languages)(
    'in %s, the Default is taken with the state-level Assign',
    async (language) => {
      const result = await run(
        flow(language),
        { ...base, tier: 'SILVER', amount: 5 },
        { startTime: start },
      )

      expect(result.status).toBe('FAILED')
      expect(result.error).toBe('States.NoChoiceMatched')
      expect(enteredStates(result.history).slice(4)).toStrictEqual(['Tier', 'Standard', 'Check'])
      expect(exits(result.history, start).find((e) => e.name === 'Tier')).toStrictEqual({
        name: 'Tier',
        at: 120,
        assigned: { discount: '0' },
      })
    },
  )

  test.each(languages)('in %s, Fail ends with its literal Error and Cause', async (language) => {
    const result = await run(
      flow(language),
      { ...base, tier: 'NONE', amount: 5 },
      { startTime: start },
    )

    expect(result).toMatchObject({ status: 'FAILED', error: 'NoTier', cause: 'no tier was given' })
    expect(enteredStates(result.history).slice(4)).toStrictEqual(['Tier', 'NoTier'])
  })

  test.each(languages)('in %s, Fail reads its Error and Cause from the input', async (language) => {
    const result = await run(
      flow(language),
      { ...base, tier: 'SILVER', amount: 500 },
      { startTime: start },
    )

    expect(result).toMatchObject({ status: 'FAILED', error: 'Order.TooBig', cause: 'over 100' })
    expect(enteredStates(result.history).slice(4)).toStrictEqual([
      'Tier',
      'Standard',
      'Check',
      'TooMuch',
    ])
  })
})

describe('context object references ($$ in JSONPath, $states.context in JSONata)', () => {
  const flow = (language: QueryLanguage) =>
    workflow('Context', { input: z.object({ id: z.string() }), queryLanguage: language }, (start) =>
      start.pass('Where', (p) =>
        p.parameters((s, context) => ({
          id: s.id,
          execution: context.Execution.Name,
          machine: context.StateMachine.Name,
          state: context.State.Name,
          input: context.Execution.Input,
        })),
      ),
    )

  test('lowers whole in both languages', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Where',
      States: {
        Where: {
          Type: 'Pass',
          Parameters: {
            'id.$': '$.id',
            'execution.$': '$$.Execution.Name',
            'machine.$': '$$.StateMachine.Name',
            'state.$': '$$.State.Name',
            'input.$': '$$.Execution.Input',
          },
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Where',
      States: {
        Where: {
          Type: 'Pass',
          Output: {
            id: '{% $states.input.id %}',
            execution: '{% $states.context.Execution.Name %}',
            machine: '{% $states.context.StateMachine.Name %}',
            state: '{% $states.context.State.Name %}',
            input: '{% $states.context.Execution.Input %}',
          },
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, reads the execution, state machine and state', async (language) => {
    const result = await run(
      flow(language),
      { id: 'o1' },
      { executionName: 'exec-1', stateMachineName: 'Orders' },
    )

    expect(result.output).toStrictEqual({
      id: 'o1',
      execution: 'exec-1',
      machine: 'Orders',
      state: 'Where',
      input: { id: 'o1' },
    })
    expect(enteredStates(result.history)).toStrictEqual(['Where'])
  })
})
