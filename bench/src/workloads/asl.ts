import type { AslStateMachine } from '@statewright/asl'

/** ASL documents of the runtime and validation scenarios, generated so that sizes are parameters. */

// The generators build plain JSON; one cast at the boundary keeps them readable.
const asAsl = (document: object): AslStateMachine => document as AslStateMachine

/** Name of state `i` of a chain: zero-padded so names sort in chain order. */
export const stepName = (prefix: string, i: number): string =>
  `${prefix}${String(i).padStart(4, '0')}`

/**
 * A chain of `n` Pass states, each recording its number at `$.last` (ResultPath merges a Result into the
 * input, so each transition does real input/output processing, not just a hop).
 */
export function passChain(
  n: number,
  prefix = 'Step',
): { StartAt: string; States: Record<string, object> } {
  const States: Record<string, object> = {}
  for (let i = 1; i <= n; i++) {
    States[stepName(prefix, i)] = {
      Type: 'Pass',
      Result: i,
      ResultPath: '$.last',
      ...(i === n ? { End: true } : { Next: stepName(prefix, i + 1) }),
    }
  }
  return { StartAt: stepName(prefix, 1), States }
}

export function passChainDefinition(n: number): AslStateMachine {
  return asAsl({ Comment: `${n} Pass states in a chain`, ...passChain(n) })
}

/** A Parallel state of `branches` branches, each a chain of `depth` Pass states. */
export function parallelDefinition(branches: number, depth: number): AslStateMachine {
  return asAsl({
    Comment: `Parallel of ${branches} branches × ${depth} Pass states`,
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Parallel',
        Branches: Array.from({ length: branches }, (_, b) => passChain(depth, `B${b}S`)),
        End: true,
      },
    },
  })
}

/**
 * Scenario 2's Map: every item of `$.items` goes through a Pass processor that builds an object from the
 * item and its index (ItemSelector hands both over, as AWS recommends for "item plus index").
 */
export const mapDefinition: AslStateMachine = asAsl({
  Comment: 'Map over $.items with a Pass processor',
  StartAt: 'EachItem',
  States: {
    EachItem: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemSelector: { 'item.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Shape',
        States: {
          Shape: {
            Type: 'Pass',
            Parameters: { 'id.$': '$.item.id', 'name.$': '$.item.name', 'position.$': '$.index' },
            End: true,
          },
        },
      },
      End: true,
    },
  },
})

export function mapItems(n: number): { id: number; name: string }[] {
  return Array.from({ length: n }, (_, i) => ({ id: i * 7, name: `item-${i}` }))
}

export function mapExpected(n: number): { id: number; name: string; position: number }[] {
  return mapItems(n).map((item, index) => ({ id: item.id, name: item.name, position: index }))
}

/**
 * A definition of about `n` states (nested ones counted) of every common kind, for validation: blocks of
 * thirteen (Task with Retry and Catch, Pass with Parameters, Choice, Wait, Pass with InputPath/ResultPath/
 * OutputPath, a Map with one inner state, a Parallel of two, …) chained one after the other, the Catches
 * all going to one Fail state.
 */
export function mixedDefinition(n: number): AslStateMachine {
  const blocks = Math.max(1, Math.round(n / 13))
  const States: Record<string, object> = {}
  const name = (block: number, slot: string): string => `B${String(block).padStart(4, '0')}${slot}`
  for (let b = 0; b < blocks; b++) {
    const next = b === blocks - 1 ? 'Done' : name(b + 1, 'Task')
    States[name(b, 'Task')] = {
      Type: 'Task',
      Resource: `arn:aws:lambda:us-east-1:123456789012:function:Step${b}`,
      Parameters: { 'orderId.$': '$.orderId', block: b, 'count.$': 'States.ArrayLength($.items)' },
      ResultSelector: { 'value.$': '$.value' },
      ResultPath: '$.task',
      TimeoutSeconds: 30,
      Retry: [
        {
          ErrorEquals: ['Lambda.TooManyRequestsException'],
          IntervalSeconds: 2,
          MaxAttempts: 3,
          BackoffRate: 2,
        },
        { ErrorEquals: ['States.Timeout'], MaxAttempts: 1 },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
      Next: name(b, 'Shape'),
    }
    States[name(b, 'Shape')] = {
      Type: 'Pass',
      Parameters: {
        'id.$': '$.orderId',
        'value.$': '$.task.value',
        'at.$': '$$.State.EnteredTime',
      },
      ResultPath: '$.shaped',
      Next: name(b, 'Route'),
    }
    States[name(b, 'Route')] = {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.shaped.value', IsPresent: true },
            { Variable: '$.shaped.value', NumericGreaterThan: 100 },
          ],
          Next: name(b, 'Big'),
        },
        { Variable: '$.orderId', StringMatches: 'test-*', Next: name(b, 'Wait') },
      ],
      Default: name(b, 'Small'),
    }
    States[name(b, 'Big')] = {
      Type: 'Pass',
      Result: { size: 'big' },
      ResultPath: '$.size',
      Next: name(b, 'Wait'),
    }
    States[name(b, 'Small')] = {
      Type: 'Pass',
      Result: { size: 'small' },
      ResultPath: '$.size',
      Next: name(b, 'Wait'),
    }
    States[name(b, 'Wait')] = { Type: 'Wait', Seconds: 1, Next: name(b, 'Trim') }
    States[name(b, 'Trim')] = {
      Type: 'Pass',
      InputPath: '$',
      ResultPath: '$.trimmed',
      OutputPath: '$',
      Next: name(b, 'Each'),
    }
    States[name(b, 'Each')] = {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 4,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: name(b, 'Item'),
        States: { [name(b, 'Item')]: { Type: 'Pass', End: true } },
      },
      ResultPath: '$.each',
      Next: name(b, 'Both'),
    }
    States[name(b, 'Both')] = {
      Type: 'Parallel',
      Branches: [
        { StartAt: name(b, 'Left'), States: { [name(b, 'Left')]: { Type: 'Pass', End: true } } },
        { StartAt: name(b, 'Right'), States: { [name(b, 'Right')]: { Type: 'Pass', End: true } } },
      ],
      ResultPath: '$.both',
      Next: name(b, 'Mark'),
    }
    States[name(b, 'Mark')] = { Type: 'Pass', Result: b, ResultPath: '$.mark', Next: next }
  }
  States['Done'] = { Type: 'Succeed' }
  States['Failed'] = { Type: 'Fail', Error: 'BlockFailed', Cause: 'A task failed.' }
  return asAsl({
    Comment: `${blocks * 13 + 2} states of every common kind`,
    StartAt: name(0, 'Task'),
    States,
  })
}

/** Every state of a definition, nested ones included. */
export function countStates(definition: { States: Record<string, unknown> }): number {
  let count = 0
  for (const state of Object.values(definition.States) as Record<string, unknown>[]) {
    count++
    const nested = [
      ...((state['Branches'] as { States: Record<string, unknown> }[] | undefined) ?? []),
      ...(state['ItemProcessor']
        ? [state['ItemProcessor'] as { States: Record<string, unknown> }]
        : []),
    ]
    for (const inner of nested) count += countStates(inner)
  }
  return count
}
