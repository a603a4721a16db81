/**
 * The compiler's view of its neighbours. The DSL (`@statewright/dsl/ir`) and the validator
 * (`@statewright/asl`) are built in parallel with this package; until their exports land, this file
 * reaches them through their module namespaces and checks at run time what is there. Everything else
 * in the compiler imports from here, so switching to direct imports is a one-file change.
 */
import * as asl from '@statewright/asl'
import type { AslStateMachine, StateMachineSource, TaskHandler } from '@statewright/asl'
import * as dslIr from '@statewright/dsl/ir'
import type { ZodType } from 'zod'
import type { Diagnostic, SourceLocation } from './diagnostics.ts'

/** The part of the DSL's `WorkflowNode` the compiler reads (`@statewright/dsl/ir`). */
export interface IrWorkflow {
  readonly kind: 'Workflow'
  readonly name: string
  readonly states: readonly IrState[]
  readonly inputSchema?: ZodType
  readonly outputSchema?: ZodType
  readonly source?: SourceLocation
}

/** The part of an IR state the compiler reads: its name and the user's call site. */
export interface IrState {
  readonly kind: string
  readonly name: string
  readonly source?: SourceLocation
  readonly [field: string]: unknown
}

/** A DSL workflow: what `workflow(...)` returns. */
export interface DslWorkflow {
  toIr(): IrWorkflow
}

/** What one `${…}` placeholder of a definition stands for. */
export interface SubstitutionInfo {
  readonly kind: string
  readonly [detail: string]: unknown
}

const namespace = (module: object): Record<string, unknown> => module as Record<string, unknown>

/** True for the objects `workflow(...)` returns. */
export function isDslWorkflow(value: unknown): value is DslWorkflow {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toIr?: unknown }).toIr === 'function'
  )
}

/** True for anything the runtime can run besides ASL (a workflow, or another StateMachineSource). */
export const isStateMachineSource: (value: unknown) => value is StateMachineSource =
  asl.isStateMachineSource

type LowerWorkflow = (ir: IrWorkflow, options?: LowerOptions) => AslStateMachine
type SubstitutionsOf = (ir: IrWorkflow, options?: LowerOptions) => Record<string, SubstitutionInfo>

/** Where ARNs point; unset fields make the DSL write `${…}` substitutions. */
export interface LowerOptions {
  readonly region?: string
  readonly account?: string
  readonly partition?: string
}

/** IR → ASL, by the DSL's own lowering; falls back to the workflow's `toStateMachine()`. */
export function lowerDslWorkflow(
  workflow: DslWorkflow,
  ir: IrWorkflow,
  options: LowerOptions,
): AslStateMachine {
  const lower = namespace(dslIr)['lowerWorkflow'] as LowerWorkflow | undefined
  if (typeof lower === 'function') return lower(ir, options)
  if (isStateMachineSource(workflow)) return workflow.toStateMachine().definition
  throw new TypeError(
    'This version of @statewright/dsl exports no lowerWorkflow(), and the workflow has no toStateMachine().',
  )
}

/** The substitutions the DSL's lowering wrote, with what each stands for. */
export function dslSubstitutions(
  ir: IrWorkflow,
  options: LowerOptions,
): Record<string, SubstitutionInfo> {
  const find = namespace(dslIr)['substitutionsOf'] as SubstitutionsOf | undefined
  return typeof find === 'function' ? find(ir, options) : {}
}

/** The handlers a workflow carries for local runs (empty for plain ASL). */
export function handlersOf(value: unknown): Readonly<Record<string, TaskHandler>> {
  return isStateMachineSource(value) ? value.toStateMachine().handlers : {}
}

type ValidateStateMachine = (
  definition: unknown,
  options?: { type?: 'STANDARD' | 'EXPRESS' },
) => readonly Diagnostic[]

/**
 * The validator's verdict on a definition (every create-time rule AWS applies), or undefined while
 * `@statewright/asl` does not export `validateStateMachine` yet.
 */
export function runValidator(
  definition: unknown,
  type: 'STANDARD' | 'EXPRESS',
): readonly Diagnostic[] | undefined {
  const validate = namespace(asl)['validateStateMachine'] as ValidateStateMachine | undefined
  return typeof validate === 'function' ? validate(definition, { type }) : undefined
}
