import type { AslMapState, JsonValue } from '@statewright/asl'
import { childFrame, runBranch, runConcurrently } from '../branches.ts'
import {
  addEvent,
  asVerbatim,
  type ExecutionEnv,
  type Frame,
  locateError,
  type StateContext,
} from '../env.ts'
import type { Clock } from '../clock.ts'
import { StatesError } from '../errors.ts'
import { jsonata, jsonataScope, payload, referencePath, selectIoPath } from '../io.ts'
import { UncountedHistory } from '../events.ts'
import { batchItems } from '../items/batcher.ts'
import { readItems } from '../items/reader.ts'
import { writeResults, type ChildRun } from '../items/writer.ts'
import { isJsonObject, type JsonObject } from '../json.ts'
import { randomUuid } from '../random.ts'
import { type StateHandler } from './index.ts'
import { jsonataResult, jsonPathResult } from './result.ts'

/** Inline iterations AWS runs at once when MaxConcurrency is 0 (ASL-SPEC §3.8: "~40"). */
const INLINE_CONCURRENCY = 40

/**
 * Map (ASL-SPEC §3.8, §3.9): items from ItemsPath/Items, ItemSelector per item, iterations run with
 * MaxConcurrency, results in item order; an iteration failure fails the state with the iteration's
 * error unless tolerated. Distributed mode runs each iteration as a child (own variables, no events in
 * the parent history) inside a Map Run.
 */
export const runMap: StateHandler<AslMapState> = async (state, input, ctx) => {
  const jsonataMode = ctx.language === 'JSONata'
  const processor = state.ItemProcessor ?? state.Iterator
  if (processor === undefined) {
    throw new StatesError('States.Runtime', `The Map state '${ctx.name}' has no ItemProcessor.`)
  }
  const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED'
  let effective: JsonValue = input
  let items: JsonValue
  let maxConcurrency = 0
  if (jsonataMode) {
    const scope = jsonataScope(ctx, input)
    try {
      items = state.Items === undefined ? input : await jsonata(ctx, state.Items, scope, 'Items')
      if (!Array.isArray(items) && state.ItemReader === undefined) {
        throw new StatesError(
          'States.QueryEvaluationError',
          state.Items === undefined || typeof state.Items !== 'string'
            ? `Map state input must be an array but was: ${JSON.stringify(items)}`
            : `The JSONata expression '${body(state.Items)}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${typeName(items)}' for value: ${JSON.stringify(items)}`,
        )
      }
      if (state.MaxConcurrency !== undefined) {
        maxConcurrency = integer(
          ctx,
          await jsonata(ctx, state.MaxConcurrency, scope, 'MaxConcurrency'),
          'MaxConcurrency',
        )
      }
    } catch (error) {
      throw failMapState(ctx, error)
    }
  } else {
    effective = selectIoPath(ctx, state.InputPath, input)
    items = effective
    if (state.ItemsPath !== undefined) {
      const found = referencePath(ctx, state.ItemsPath, effective)
      if (!found.found) {
        throw locateError(
          ctx,
          new StatesError(
            'States.Runtime',
            `Invalid path '${state.ItemsPath}' : ${found.description}`,
          ),
        )
      }
      items = found.value
    }
    if (typeof state.MaxConcurrency === 'number') maxConcurrency = state.MaxConcurrency
    if (state.MaxConcurrencyPath !== undefined) {
      maxConcurrency = pathInteger(ctx, state.MaxConcurrencyPath, effective, 'MaxConcurrencyPath')
    }
    if (!Array.isArray(items) && state.ItemReader === undefined) {
      throw locateError(
        ctx,
        new StatesError(
          'States.Runtime',
          `Map state input must be an array but was: ${JSON.stringify(items)}`,
        ),
      )
    }
  }
  let list: JsonValue[] = state.ItemReader === undefined ? (items as JsonValue[]) : []
  addEvent(ctx.env, ctx.frame, 'MapStateStarted', { length: list.length })

  let toleratedCount = 0
  let toleratedPercentage = 0
  if (jsonataMode) {
    const scope = jsonataScope(ctx, input)
    try {
      if (state.ToleratedFailureCount !== undefined) {
        toleratedCount = integer(
          ctx,
          await jsonata(ctx, state.ToleratedFailureCount, scope, 'ToleratedFailureCount'),
          'ToleratedFailureCount',
        )
      }
      if (state.ToleratedFailurePercentage !== undefined) {
        const value = await jsonata(
          ctx,
          state.ToleratedFailurePercentage,
          scope,
          'ToleratedFailurePercentage',
        )
        toleratedPercentage = typeof value === 'number' ? value : 0
      }
    } catch (error) {
      throw failMapState(ctx, error)
    }
  } else {
    if (typeof state.ToleratedFailureCount === 'number')
      toleratedCount = state.ToleratedFailureCount
    if (state.ToleratedFailureCountPath !== undefined) {
      toleratedCount = pathInteger(
        ctx,
        state.ToleratedFailureCountPath,
        effective,
        'ToleratedFailureCountPath',
      )
    }
    if (typeof state.ToleratedFailurePercentage === 'number')
      toleratedPercentage = state.ToleratedFailurePercentage
    if (state.ToleratedFailurePercentagePath !== undefined) {
      toleratedPercentage = pathNumber(
        ctx,
        state.ToleratedFailurePercentagePath,
        effective,
        'ToleratedFailurePercentagePath',
      )
    }
  }
  if (toleratedCount < 0) {
    throw locateError(
      ctx,
      new StatesError('States.Runtime', 'ToleratedFailureCount cannot be negative.'),
    )
  }

  const env = ctx.env
  const selector = state.ItemSelector ?? (jsonataMode ? undefined : state.Parameters)
  // ItemSelector sees the item as $$.Map.Item.Value / $states.context.Map.Item.Value.
  const select = async (item: JsonValue, index: number): Promise<JsonValue> => {
    const mapItem: JsonObject = { Index: index, Value: item }
    return jsonataMode
      ? jsonata(ctx, selector!, jsonataScope(ctx, input, { mapItem }), 'ItemSelector')
      : payload(ctx, selector!, effective, 'ItemSelector', mapItem)
  }
  let mapRunArn: string | undefined
  if (distributed) {
    const label = state.Label ?? ctx.name
    const machine = String((env.stateMachine as JsonObject).Id).replace(
      ':stateMachine:',
      ':mapRun:',
    )
    mapRunArn = `${machine}/${label}:${randomUuid(env.random)}`
    addEvent(env, ctx.frame, 'MapRunStarted', { mapRunArn })
  }
  // Items from S3 and batches are prepared inside the Map Run: their failures fail the run.
  let batches: JsonValue[] | undefined
  try {
    if (state.ItemReader !== undefined) {
      list = await readItems(ctx, state.ItemReader, input, effective, env.s3)
    }
    if (state.ItemBatcher !== undefined) {
      batches = await batchItems(
        ctx,
        state.ItemBatcher,
        list,
        input,
        effective,
        async (item, index) => (selector === undefined ? item : select(item, index)),
      )
      list = batches
    }
  } catch (error) {
    if (mapRunArn !== undefined && error instanceof StatesError) {
      const located = locateError(ctx, error)
      addEvent(env, ctx.frame, 'MapRunFailed', { error: located.error, cause: located.cause })
      throw located
    }
    throw error
  }
  // Child results are kept only for ResultWriter.
  let lastEnd = 0
  const runs: ChildRun[] = new Array(state.ResultWriter === undefined ? 0 : list.length)
  const keepRuns = state.ResultWriter !== undefined
  // A Distributed Map iteration is a child execution: its events are not in the parent history.
  const iterationEnv = distributed
    ? { ...env, history: new UncountedHistory(), maxHistoryEvents: Infinity }
    : env
  const expressChildren = distributed && processor.ProcessorConfig?.ExecutionType === 'EXPRESS'
  let failures = 0
  const limit = maxConcurrency > 0 ? maxConcurrency : distributed ? 1000 : INLINE_CONCURRENCY
  let results: JsonValue[]
  try {
    results = await runConcurrently(
      list.length,
      limit,
      ctx.frame.signal,
      async (index, signal) => {
        const item = list[index]!
        const iterationInput =
          selector === undefined || batches !== undefined ? item : await select(item, index)
        if (keepRuns) runs[index] = { input: iterationInput }
        const frame = childFrame(ctx.frame, signal, distributed)
        if (!distributed) {
          frame.lastEventId = addEvent(env, frame, 'MapIterationStarted', { index, name: ctx.name })
        }
        try {
          const output = expressChildren
            ? await runExpressChild(iterationEnv, processor, iterationInput, frame)
            : await runBranch(iterationEnv, processor, iterationInput, frame)
          if (keepRuns) runs[index] = { input: iterationInput, output }
          if (!distributed) {
            // The Map's next event links to the iteration's last inner event, not to its end event.
            const inner = frame.lastEventId
            lastEnd = Math.max(
              lastEnd,
              addEvent(env, frame, 'MapIterationSucceeded', { index, name: ctx.name }),
            )
            ctx.frame.lastEventId = inner
          }
          return output
        } catch (error) {
          if (keepRuns && error instanceof StatesError) {
            runs[index] = { input: iterationInput, error }
          }
          const inner = frame.lastEventId
          if (!distributed && error instanceof StatesError) {
            addEvent(env, frame, 'MapIterationFailed', { index, name: ctx.name })
          } else if (!distributed && signal.aborted) {
            addEvent(env, frame, 'MapIterationAborted', { index, name: ctx.name })
          }
          if (!distributed) ctx.frame.lastEventId = inner
          throw error
        }
      },
      (_index, error) => {
        if (!(error instanceof StatesError) || error.error === 'States.Runtime') return false
        failures++
        if (toleratedCount === 0 && toleratedPercentage === 0) return false
        return (
          failures <= toleratedCount ||
          (failures / Math.max(1, list.length)) * 100 <= toleratedPercentage
        )
      },
    )
  } catch (error) {
    if (error instanceof StatesError) {
      let reported = error
      if (distributed && (toleratedCount > 0 || toleratedPercentage > 0)) {
        reported = new StatesError(
          'States.ExceedToleratedFailureThreshold',
          'The specified tolerated failure threshold was exceeded',
        )
      }
      if (mapRunArn !== undefined) {
        addEvent(env, ctx.frame, 'MapRunFailed', { error: reported.error, cause: reported.cause })
      }
      throw asVerbatim(reported)
    }
    throw error
  }
  // A tolerated failure leaves a hole; Array.prototype.map would keep it, so fill explicitly.
  const outputs: JsonValue[] = new Array(results.length)
  for (let i = 0; i < results.length; i++) outputs[i] = results[i] ?? null
  let result: JsonValue = outputs
  if (state.ResultWriter !== undefined && mapRunArn !== undefined) {
    try {
      result = await writeResults(
        ctx,
        state.ResultWriter,
        runs,
        mapRunArn,
        input,
        effective,
        env.s3,
      )
    } catch (error) {
      if (error instanceof StatesError) {
        const located = locateError(ctx, error)
        addEvent(env, ctx.frame, 'MapRunFailed', { error: located.error, cause: located.cause })
        throw located
      }
      throw error
    }
  }
  // MapStateSucceeded follows the last iteration's end; MapStateExited links to the same event as
  // the first success event (corpus histories).
  if (lastEnd > 0) ctx.frame.lastEventId = lastEnd
  const anchor = ctx.frame.lastEventId
  if (mapRunArn !== undefined) addEvent(env, ctx.frame, 'MapRunSucceeded')
  addEvent(env, ctx.frame, 'MapStateSucceeded')
  ctx.frame.lastEventId = anchor

  return jsonataMode
    ? jsonataResult(state, input, ctx, result)
    : jsonPathResult(state, input, ctx, result)
}

/** A failure before iterations start: located (EvaluationFailed first); run-state adds MapStateFailed. */
function failMapState(ctx: StateContext, error: unknown): unknown {
  if (!(error instanceof StatesError)) return error
  return locateError(ctx, error)
}

function integer(ctx: StateContext, value: JsonValue, field: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  throw locateError(
    ctx,
    new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression specified for the field '${field}' returned an unexpected result type. Expected 'integer', but was '${typeName(value)}' for value: ${JSON.stringify(value)}`,
    ),
  )
}

function pathValue(ctx: StateContext, path: string, input: JsonValue): JsonValue {
  const found = referencePath(ctx, path, input)
  if (!found.found) {
    throw locateError(
      ctx,
      new StatesError('States.Runtime', `Invalid path '${path}' : ${found.description}`),
    )
  }
  return found.value
}

function notValid(
  ctx: StateContext,
  field: string,
  value: JsonValue,
  path: string,
  what: string,
): StatesError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value)
  return locateError(
    ctx,
    new StatesError(
      'States.Runtime',
      `The ${field} field refers to value "${shown}" which is not a valid ${what}: ${path}`,
    ),
  )
}

/** An integer `…Path` value; numeric strings are accepted as AWS parses them. */
function pathInteger(ctx: StateContext, path: string, input: JsonValue, field: string): number {
  const value = pathValue(ctx, path, input)
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
  if (typeof number === 'number' && Number.isInteger(number)) return number
  throw notValid(ctx, field, value, path, 'integer')
}

function pathNumber(ctx: StateContext, path: string, input: JsonValue, field: string): number {
  const value = pathValue(ctx, path, input)
  const number =
    typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? Number(value)
      : value
  if (typeof number === 'number') return number
  throw notValid(ctx, field, value, path, 'float')
}

function body(expression: string): string {
  return expression.replace(/^\{%\s*/, '').replace(/\s*%\}$/, '')
}

function typeName(value: JsonValue): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (isJsonObject(value)) return 'object'
  return typeof value
}

/** AWS ends an Express execution after 5 minutes (ASL-SPEC §14): a Distributed Map's EXPRESS children too. */
const EXPRESS_CHILD_LIMIT_MS = 300_000

/**
 * Thrown by an EXPRESS child's clock when it would sleep past the child's 5 minutes. Not a StatesError on
 * purpose: no Retry or Catch inside the child sees it (an execution's own time-out is not catchable);
 * the Map turns it into the item's States.Timeout.
 */
class ExpressChildTimedOut extends Error {}

/**
 * The clock an EXPRESS child sees: the Map's, except that a sleep reaching past the child's deadline ends
 * at the deadline and throws. PERF: no timer per child; only a child that sleeps pays anything.
 */
function expressClock(clock: Clock, deadline: number): Clock {
  const limited: Clock = {
    now: () => clock.now(),
    sleep: async (ms: number, signal?: AbortSignal): Promise<void> => {
      const left = deadline - clock.now()
      if (ms <= left) return clock.sleep(ms, signal)
      await clock.sleep(Math.max(0, left), signal)
      throw new ExpressChildTimedOut()
    },
  }
  if (clock.track !== undefined) limited.track = (work) => clock.track!(work)
  return limited
}

/** One EXPRESS child execution of a Distributed Map, failed with States.Timeout after 5 minutes. */
async function runExpressChild(
  env: ExecutionEnv,
  processor: Parameters<typeof runBranch>[1],
  input: JsonValue,
  frame: Frame,
): Promise<JsonValue> {
  const clock = expressClock(env.clock, env.clock.now() + EXPRESS_CHILD_LIMIT_MS)
  try {
    return await runBranch({ ...env, clock }, processor, input, frame)
  } catch (error) {
    if (!(error instanceof ExpressChildTimedOut)) throw error
    throw new StatesError(
      'States.Timeout',
      'The Express child execution ran for more than 5 minutes.',
    )
  }
}
