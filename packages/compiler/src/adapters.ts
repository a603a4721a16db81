/**
 * The compiler's view of its neighbours: the DSL's IR and lowering (`@statewright/dsl/ir`) and the
 * validator (`@statewright/asl`). Everything else in the compiler reaches them through this file.
 */
import {
  isStateMachineSource as isSource,
  validateStateMachine,
  type AslStateMachine,
  type StateMachineSource,
  type TaskHandler,
} from '@statewright/asl'
import {
  lowerWorkflow,
  substitutionsOf,
  type LowerOptions as DslLowerOptions,
  type WorkflowNode,
} from '@statewright/dsl/ir'
import type { ZodType } from 'zod'
import type { Diagnostic } from './diagnostics.ts'

/** The DSL's workflow IR, plus the output schema a later DSL version may declare. */
export type IrWorkflow = WorkflowNode & { readonly outputSchema?: ZodType }

/** A DSL workflow: what `workflow(...)` returns. */
export interface DslWorkflow {
  toIr(): WorkflowNode
}

/** What one `${…}` placeholder of a definition stands for. */
export interface SubstitutionInfo {
  readonly kind: string
  readonly [detail: string]: unknown
}

/** Where ARNs point; unset fields make the DSL write `${…}` substitutions. */
export type LowerOptions = DslLowerOptions

/** True for the objects `workflow(...)` returns (checked by shape: user projects load their own copy of the DSL). */
export function isDslWorkflow(value: unknown): value is DslWorkflow {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toIr?: unknown }).toIr === 'function'
  )
}

/** True for anything the runtime can run besides ASL (a workflow, or another StateMachineSource). */
export const isStateMachineSource: (value: unknown) => value is StateMachineSource = isSource

/** IR → ASL, by the DSL's own lowering. */
export function lowerDslWorkflow(ir: WorkflowNode, options: LowerOptions): AslStateMachine {
  return lowerWorkflow(ir, options)
}

/** The substitutions the DSL's lowering wrote, with what each stands for. */
export function dslSubstitutions(
  ir: WorkflowNode,
  options: LowerOptions,
): Record<string, SubstitutionInfo> {
  const found: Record<string, SubstitutionInfo> = {}
  for (const [name, info] of Object.entries(substitutionsOf(ir, options))) found[name] = { ...info }
  return found
}

/** The handlers a workflow carries for local runs (empty for plain ASL). */
export function handlersOf(value: unknown): Readonly<Record<string, TaskHandler>> {
  return isStateMachineSource(value) ? value.toStateMachine().handlers : {}
}

/** The validator's verdict on a definition: every create-time rule AWS applies. */
export function runValidator(
  definition: unknown,
  type: 'STANDARD' | 'EXPRESS',
): readonly Diagnostic[] {
  return validateStateMachine(definition, { type })
}
