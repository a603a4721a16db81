import type { QueryLanguage } from '@statewright/asl'
import { FailNode } from '../ir/fail-node.ts'
import { createRef, type Ref, type ValueRef } from '../ref.ts'
import { CallSite } from '../source.ts'
import { type Expression, toValueNode } from '../template.ts'
import type { Marked, ReadableIn, ReadMark, Scope } from '../variables.ts'
import { checkStateName } from './piece.ts'
import { TerminalBuilder } from './terminal.ts'

/**
 * A Fail state: ends the workflow with an error. It has no `next()`. `TScope` carries the marks of a
 * standalone one (its `errorFrom`/`causeFrom` reading a workflow variable).
 */
export class FailBuilder<TScope extends Scope = 'workflow'> extends TerminalBuilder {
  declare readonly '~scope'?: TScope

  /** @internal */
  constructor(node: FailNode, site: CallSite) {
    super(node, site)
  }
}

/** What `errorFrom`/`causeFrom` may return: a reference to a string, or an expression yielding one. */
export type StringSource = ValueRef<string> | Expression<string>

/**
 * Options of `fail()`. `TScope` and the captured results (`TError`, `TCause`) let a Distributed Map
 * iteration refuse reading a workflow variable there (a type error; ASL-SPEC §4).
 */
export interface FailOptions<
  TData = unknown,
  TScope extends Scope = 'workflow',
  TError = StringSource,
  TCause = StringSource,
> {
  /** The error name the execution fails with (what a parent's Catch matches). */
  readonly error?: string
  /** A human-readable cause. */
  readonly cause?: string
  /** The error name read from the input (`ErrorPath`, or an expression). */
  readonly errorFrom?: (s: Ref<TData>) => ReadableIn<TScope, TError>
  /** The cause read from the input (`CausePath`, or an expression). */
  readonly causeFrom?: (s: Ref<TData>) => ReadableIn<TScope, TCause>
  readonly comment?: string
  readonly queryLanguage?: QueryLanguage
}

/**
 * A Fail state.
 * @example
 * fail('PaymentFailureHandler', { error: 'PaymentProcessingError', cause: 'Payment processing failed' })
 * // "PaymentFailureHandler": { "Type": "Fail", "Error": "PaymentProcessingError", "Cause": "Payment processing failed" }
 */
export function fail<
  TData = unknown,
  TError extends StringSource = StringSource,
  TCause extends StringSource = StringSource,
>(
  name: string,
  options: FailOptions<TData, 'workflow', TError, TCause> = {},
): FailBuilder<Marked<'workflow', ReadMark<TError | TCause>>> {
  const base = FailNode.create(checkStateName(name), options)
  const node: FailNode = Object.freeze({
    ...base,
    ...(options.errorFrom === undefined
      ? {}
      : { errorFrom: toValueNode(options.errorFrom(createRef('input')) as StringSource) }),
    ...(options.causeFrom === undefined
      ? {}
      : { causeFrom: toValueNode(options.causeFrom(createRef('input')) as StringSource) }),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    ...(options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage }),
  })
  return new FailBuilder(node, new CallSite())
}
