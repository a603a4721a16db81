import type { JsonValue } from '@statewright/asl'
import type { z, ZodType } from 'zod'
import type { MapContextObject } from '../context-object.ts'
import { DslError } from '../errors.ts'
import type { ResolveOutput } from '../infer.ts'
import type { DistributedMapConfig, MapNode } from '../ir/map-node.ts'
import { createRef, type Ref, type ValueRef } from '../ref.ts'
import { CallSite } from '../source.ts'
import { type Expression, type Resolved, toValueNode } from '../template.ts'
import { type Chain, resolveTarget } from './chain.ts'
import { type Chainable, checkStateName } from './piece.ts'
import { StateBuilder } from './state.ts'
import type { DslTypeError } from '../type-utils.ts'
import type { AssignsMark, ReadableIn, ReadsMark, Scope, ScopeMark } from '../variables.ts'

type NumberOption<TData> =
  number | Expression<number> | ((s: Ref<TData>) => ValueRef<number> | Expression<number>)

/** Distributed mode (ASL-SPEC §3.9): child executions, optionally reading items from S3. */
/**
 * ItemBatcher limits (at least one, as AWS requires): with them each child execution gets
 * `{ Items: [...], BatchInput }` instead of one item. A limit may be read from the data, `(s) => s.perBatch`,
 * typed by the state's input like every other callback.
 */
export interface ItemBatcherOptions<TData> {
  readonly maxItemsPerBatch?: NumberOption<TData>
  readonly maxInputBytesPerBatch?: NumberOption<TData>
}

/** Where a Distributed Map writes its child executions' results (`ResultWriter`). */
export interface ResultWriterOptions<
  TData,
  TResource extends string | undefined = string | undefined,
> {
  /** `arn:aws:states:::s3:putObject`: the results go to S3 and the Map's result is a `MapRunResult`. */
  readonly resource?: TResource
  readonly parameters?: (s: Ref<TData>) => unknown
  readonly writerConfig?: JsonValue
}

/**
 * The result of a Distributed Map that writes its results to S3: where the manifest is, not the results.
 * @example
 * // { MapRunArn: 'arn:aws:states:…:mapRun:Flow/EachRecord:…', ResultWriterDetails: { Bucket: 'out', Key: 'results/…/manifest.json' } }
 */
export interface MapRunResult {
  MapRunArn: string
  ResultWriterDetails: { Bucket: string; Key: string }
}

/**
 * Distributed mode's options. `TBatcher` is the set of keys given in `itemBatcher` (inferred from the keys,
 * not the values: a limit read from the data is an untyped callback until the data's type is known, and
 * inferring from it would fix the batcher before the callback is typed).
 */
export interface DistributedOptions<
  TData,
  TBatcher extends PropertyKey = PropertyKey,
  TBatchInput = unknown,
  TWriter extends string | undefined = string | undefined,
> {
  /** `STANDARD` (default) or `EXPRESS` child executions. */
  readonly executionType?: 'STANDARD' | 'EXPRESS'
  /** ItemReader: where items come from (`arn:aws:states:::s3:getObject`, `s3:listObjectsV2`). */
  readonly itemReader?: {
    readonly resource: string
    readonly readerConfig?: JsonValue
    readonly maxItems?: NumberOption<TData>
    readonly parameters?: (s: Ref<TData>) => unknown
  }
  /** Batches items; the iteration's input type becomes `{ Items: Item[] }`. */
  readonly itemBatcher?: ItemBatcherOptions<TData> & OptionKeys<TBatcher>
  /** With an ItemBatcher: a template over the state's input that every batch gets as `BatchInput`. */
  readonly batchInput?: (s: Ref<TData>) => TBatchInput
  /** With a `resource`, the Map's result is a `MapRunResult` instead of the array of outputs. */
  readonly resultWriter?: ResultWriterOptions<TData, TWriter>
  readonly toleratedFailureCount?: NumberOption<TData>
  readonly toleratedFailurePercentage?: NumberOption<TData>
  readonly label?: string
}

/** Options of `map()` and `chain.map()`. */
export interface MapOptions<
  TData,
  TItem,
  TSelected,
  TIterationOutput,
  TBatcher extends PropertyKey = never,
  TBatchInput = never,
  TWriter extends string | undefined = undefined,
  TKeys extends PropertyKey = never,
  TOuter extends Scope = 'workflow',
  TProcessScope extends Scope = Scope,
> {
  /** The array to iterate (`ItemsPath`, or `Items` in JSONata). Unset: the state's input is the array. */
  readonly items?: (s: Ref<TData>) => ValueRef<readonly TItem[]> | Expression<readonly TItem[]>
  /** The items' schema, when they come from an ItemReader (their type cannot be read from the data). */
  readonly itemSchema?: { readonly _zod: { readonly input: TItem } }
  /** Each iteration's input (`ItemSelector`): reads the item, its index and the state's input. */
  readonly itemSelector?: (
    item: Ref<TItem>,
    index: Ref<number>,
    s: Ref<TData>,
    context: Ref<MapContextObject<TItem>>,
  ) => ReadableIn<TOuter, TSelected>
  /** The iteration: a function of a chain typed by the iteration's input. */
  // NoInfer: the item type comes from `items`/`itemSchema`, never back from the iteration's parameter (which,
  // when another option is wrong, would otherwise offer the batch type as the item type: a second error).
  readonly process: (
    iteration: NoInfer<
      Chain<
        IterationOf<TItem, TSelected, TBatcher, TBatchInput>,
        IterationOf<TItem, TSelected, TBatcher, TBatchInput>,
        IterationScope<TOuter, TKeys>
      >
    >,
  ) => Chainable<unknown, TIterationOutput> & {
    // The marks of a standalone piece returned as the iteration, inferred so that ProcessFits can refuse
    // the ones the iteration's scope forbids with a sentence on `process`.
    // (`never` when the call fails elsewhere before it is inferred: accept any scope then, so that only
    // the option that is wrong is reported.)
    readonly '~scope'?: [TProcessScope] extends [never] ? Scope : TProcessScope
  }
  /** `MaxConcurrency` (0: no limit). */
  readonly maxConcurrency?: NumberOption<TData>
  /** Run as a Distributed Map. */
  readonly distributed?: DistributedOptions<TData, TBatcher, TBatchInput, TWriter>
  readonly comment?: string
  /** The `Comment` of the `ItemProcessor` (the iteration's state machine). */
  readonly processorComment?: string
}

/**
 * `unknown` when the piece `process` returns may run in the iteration's scope `TInner`; otherwise a
 * `process` of the sentence's type, which refuses the callback with the sentence (intersected with
 * `MapOptions`, it adds no call signature: the callback keeps its typed `iteration`). `TScope` is the
 * returned piece's scope with its marks (a chain built from the iteration has none). PERF: two conditionals per Map.
 * @example
 * type Ok = ProcessFits<'nested', 'reads a workflow variable'> // unknown
 */
export type ProcessFits<TInner extends Scope, TScope> = [Extract<TScope, ScopeMark>] extends [never]
  ? unknown
  : AssignsMark extends TScope
    ? {
        readonly process: DslTypeError<'process returns a piece made on its own that assigns a workflow variable (variable()), which a Map iteration cannot: build the iteration from its argument and assign a localVariable(), or return the value and assign the variable after the Map.'>
      }
    : TInner extends 'distributed'
      ? ReadsMark extends TScope
        ? {
            readonly process: DslTypeError<'process returns a piece made on its own that reads a workflow variable (variable()), which a Distributed Map iteration cannot: pass the value in itemSelector() and read it from the iteration input.'>
          }
        : unknown
      : unknown

/**
 * The keys of the options object a Map is given, inferred beside `MapOptions`: whether `distributed` is
 * among them decides the iterations' scope. (Keys, not the option's value: an object whose callbacks are
 * still untyped is not inferrable, its keys are.)
 */
export type OptionKeys<TKeys extends PropertyKey> = { readonly [K in TKeys]?: unknown }

/**
 * Where a Map's iterations run: a Distributed Map's (and anything inside one) in `'distributed'`, where
 * outer variables cannot be read; an inline Map's in `'nested'`. PERF: one conditional per Map.
 */
export type IterationScope<TOuter extends Scope, TKeys> = 'distributed' extends TKeys
  ? 'distributed'
  : TOuter extends 'distributed'
    ? 'distributed'
    : 'nested'

/** What each iteration receives: the selected value, or the item itself. */
export type IterationInput<TItem, TSelected> = [TSelected] extends [never]
  ? unknown extends TItem
    ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- items of unknown type (no schema): unchecked
    : TItem
  : Resolved<TSelected>

/** What each child execution receives with an ItemBatcher: the batch, and `BatchInput` when one is set. */
export type BatchOf<TEach, TBatchInput> = { Items: TEach[] } & ([TBatchInput] extends [never]
  ? {}
  : { BatchInput: Resolved<TBatchInput> })

/** An iteration's input: one item, or a batch of them. */
export type IterationOf<TItem, TSelected, TBatcher, TBatchInput = never> = [TBatcher] extends [
  undefined,
]
  ? IterationInput<TItem, TSelected>
  : BatchOf<IterationInput<TItem, TSelected>, TBatchInput>

/**
 * A Map's result: the array of its iterations' outputs, or, when a ResultWriter sends them to S3, the
 * `MapRunResult` that says where they are.
 */
export type MapOutput<
  TItem,
  TSelected,
  TIterationOutput,
  TBatcher = undefined,
  TBatchInput = never,
  TWriter = undefined,
> = [TWriter] extends [string]
  ? MapRunResult
  : ResolveOutput<IterationOf<TItem, TSelected, TBatcher, TBatchInput>, TIterationOutput>[]

const numberNode = (value: unknown): ReturnType<typeof toValueNode> | undefined =>
  value === undefined
    ? undefined
    : toValueNode(
        typeof value === 'function'
          ? (value as (s: unknown) => unknown)(createRef('input'))
          : value,
      )

const templateNode = (
  build: ((s: never) => unknown) | undefined,
): ReturnType<typeof toValueNode> | undefined =>
  build === undefined
    ? undefined
    : toValueNode((build as (s: unknown) => unknown)(createRef('input')))

function distributedConfig(
  name: string,
  options: DistributedOptions<unknown>,
): DistributedMapConfig {
  const defined = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
  const { itemReader, itemBatcher, resultWriter } = options
  if (
    itemBatcher !== undefined &&
    itemBatcher.maxItemsPerBatch === undefined &&
    itemBatcher.maxInputBytesPerBatch === undefined
  ) {
    throw new DslError(
      'SFN104',
      `Map '${name}' has an itemBatcher without a limit: give maxItemsPerBatch or maxInputBytesPerBatch (AWS requires at least one), or drop itemBatcher.`,
    )
  }
  return defined({
    executionType: options.executionType ?? 'STANDARD',
    itemReader:
      itemReader === undefined
        ? undefined
        : defined({
            resource: itemReader.resource,
            readerConfig: itemReader.readerConfig,
            maxItems: numberNode(itemReader.maxItems),
            parameters: templateNode(itemReader.parameters),
          }),
    itemBatcher:
      itemBatcher === undefined
        ? undefined
        : defined({
            maxItemsPerBatch: numberNode(itemBatcher.maxItemsPerBatch),
            maxInputBytesPerBatch: numberNode(itemBatcher.maxInputBytesPerBatch),
            batchInput: templateNode(options.batchInput),
          }),
    resultWriter:
      resultWriter === undefined
        ? undefined
        : defined({
            resource: resultWriter.resource,
            parameters: templateNode(resultWriter.parameters),
            writerConfig: resultWriter.writerConfig,
          }),
    toleratedFailureCount: numberNode(options.toleratedFailureCount),
    toleratedFailurePercentage: numberNode(options.toleratedFailurePercentage),
    label: options.label,
  })
}

/**
 * A Map state: runs `process` for each item; its result is the array of the iterations' outputs.
 * @example
 * map('EachLine', { input: Order, items: (s) => s.lines, process: (line) => line.task(reserve) })
 * // "EachLine": { "Type": "Map", "ItemsPath": "$.lines", "ItemProcessor": { "ProcessorConfig": { "Mode": "INLINE" }, … } }
 */
export function map<
  TSchema extends ZodType,
  TItem,
  TSelected = never,
  TIterationOutput = unknown,
  TBatcher extends PropertyKey = never,
  TBatchInput = never,
  TWriter extends string | undefined = undefined,
  TKeys extends PropertyKey = never,
  TProcessScope extends Scope = never,
>(
  name: string,
  options: MapOptions<
    z.input<TSchema>,
    TItem,
    TSelected,
    TIterationOutput,
    TBatcher,
    TBatchInput,
    TWriter,
    TKeys,
    'workflow',
    TProcessScope
  > &
    OptionKeys<TKeys> &
    ProcessFits<IterationScope<'workflow', TKeys>, TProcessScope> & {
      readonly input: TSchema
    },
): StateBuilder<
  'Map',
  z.input<TSchema>,
  MapOutput<TItem, TSelected, TIterationOutput, TBatcher, TBatchInput, TWriter>,
  MapOutput<TItem, TSelected, TIterationOutput, TBatcher, TBatchInput, TWriter>,
  z.input<TSchema>
>
/** A Map whose input is not declared: its callbacks read the data unchecked (`any`). */
export function map<
  TItem,
  TSelected = never,
  TIterationOutput = unknown,
  TBatcher extends PropertyKey = never,
  TBatchInput = never,
  TWriter extends string | undefined = undefined,
  TKeys extends PropertyKey = never,
  TProcessScope extends Scope = never,
>(
  name: string,
  options: MapOptions<
    any, // eslint-disable-line @typescript-eslint/no-explicit-any
    TItem,
    TSelected,
    TIterationOutput,
    TBatcher,
    TBatchInput,
    TWriter,
    TKeys,
    'workflow',
    TProcessScope
  > &
    OptionKeys<TKeys> &
    ProcessFits<IterationScope<'workflow', TKeys>, TProcessScope>,
): StateBuilder<
  'Map',
  unknown,
  MapOutput<TItem, TSelected, TIterationOutput, TBatcher, TBatchInput, TWriter>,
  MapOutput<TItem, TSelected, TIterationOutput, TBatcher, TBatchInput, TWriter>,
  unknown
>
export function map(
  name: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  options: MapOptions<any, any, any, any, any, any, any, any, any, any> & {
    readonly input?: ZodType
  },
): unknown {
  checkStateName(name)
  if (typeof options?.process !== 'function') {
    throw new DslError('SFN104', `Map '${name}' needs process: (item) => item.next(…).`)
  }
  const itemRef = createRef('context', ['Map', 'Item', 'Value'])
  const indexRef = createRef('context', ['Map', 'Item', 'Index'])
  const items = options.items?.(createRef('input') as never)
  const selected = options.itemSelector?.(
    itemRef as never,
    indexRef as never,
    createRef('input') as never,
    createRef('context') as never,
  )
  const maxConcurrency = numberNode(options.maxConcurrency)
  const node: MapNode = Object.freeze({
    kind: 'Map',
    name,
    processor: { startAt: '', states: [] },
    retry: [],
    catch: [],
    ...(items === undefined ? {} : { items: toValueNode(items) }),
    ...(selected === undefined ? {} : { itemSelector: toValueNode(selected) }),
    ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
    ...(options.distributed === undefined
      ? {}
      : {
          distributed: distributedConfig(name, options.distributed as DistributedOptions<unknown>),
        }),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
  })
  return new StateBuilder({
    node,
    catchTargets: [],
    handler: undefined,
    site: new CallSite(),
    nested: [resolveTarget(options.process)],
    ...(options.processorComment === undefined
      ? {}
      : { nestedComments: [options.processorComment] }),
    stage: 0,
    resultPrefix: [],
  })
}
