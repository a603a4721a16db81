import type { QueryLanguage } from '@statewright/asl'
import type { ZodType } from 'zod'
import type { SourceLocation } from '../source.ts'
import type { StateNode } from './state-node.ts'

/** Where ARNs point. Unset fields make lowering write `${…}` substitutions instead. */
export interface AwsTarget {
  readonly region?: string
  readonly account?: string
  readonly partition?: string
}

export interface WorkflowNode {
  readonly kind: 'Workflow'
  readonly name: string
  readonly startAt: string
  /** In a stable, readable order: the main path first, then handlers. */
  readonly states: readonly StateNode[]
  readonly comment?: string
  readonly queryLanguage?: QueryLanguage
  readonly timeoutSeconds?: number
  readonly version?: string
  readonly target: AwsTarget
  readonly inputSchema?: ZodType
  /** The execution output's schema, when the workflow declares one (for the compiler's JSON Schema). */
  readonly outputSchema?: ZodType
  readonly source?: SourceLocation
}
