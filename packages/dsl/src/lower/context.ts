import type { QueryLanguage } from '@statewright/asl'
import type { AwsTarget } from '../ir/workflow-node.ts'

/** What lowering one state needs to know about the whole workflow. */
export interface LowerContext {
  /** Where ARNs point; fields left unset become `${…}` substitutions. */
  readonly target: AwsTarget
  /** The workflow's query language (a state may override it). */
  readonly queryLanguage: QueryLanguage
}

/** The context of one state: the language it is written in. */
export interface StateContext extends LowerContext {
  readonly language: QueryLanguage
  /** The state's name, for messages. */
  readonly stateName: string
}
