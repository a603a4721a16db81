import type { AwsTarget } from '../ir/workflow-node.ts'

/** What lowering one state needs to know about the whole workflow. */
export interface LowerContext {
  /** Where ARNs point; fields left unset become `${…}` substitutions. */
  readonly target: AwsTarget
}
