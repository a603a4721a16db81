import { DslError } from '../errors.ts'
import { SucceedNode } from '../ir/succeed-node.ts'
import { createRef, pathOf, type Ref, type ValueRef } from '../ref.ts'
import { CallSite } from '../source.ts'
import type { Marked, ReadableIn, ReadMark, Scope } from '../variables.ts'
import { checkStateName } from './piece.ts'
import { TerminalBuilder } from './terminal.ts'

/**
 * A Succeed state: ends the workflow successfully. It has no `next()`. `TScope` carries the marks of a
 * standalone one (its `outputPath` selecting a workflow variable).
 */
export class SucceedBuilder<TScope extends Scope = 'workflow'> extends TerminalBuilder {
  declare readonly '~scope'?: TScope

  /** @internal */
  constructor(node: SucceedNode, site: CallSite) {
    super(node, site)
  }
}

/**
 * Options of `succeed()`. `TScope` and the captured `TSelected` let a Distributed Map iteration refuse
 * selecting a workflow variable there (a type error; ASL-SPEC §4).
 */
export interface SucceedOptions<
  TData = unknown,
  TScope extends Scope = 'workflow',
  TSelected = ValueRef<unknown>,
> {
  readonly comment?: string
  /** The execution's output: a part of the input (`OutputPath`, or `Output` in JSONata). */
  readonly outputPath?: (s: Ref<TData>) => ReadableIn<TScope, TSelected>
}

/**
 * A Succeed state.
 * @example
 * succeed('Done') // "Done": { "Type": "Succeed" }
 * start.succeed('Done', { outputPath: (s) => s.receipt }) // "OutputPath": "$.receipt"
 */
export function succeed<TData = unknown, TSelected extends ValueRef<unknown> = ValueRef<unknown>>(
  name: string,
  options: SucceedOptions<TData, 'workflow', TSelected> = {},
): SucceedBuilder<Marked<'workflow', ReadMark<TSelected>>> {
  const base = SucceedNode.create(checkStateName(name))
  const selected = options.outputPath?.(createRef('input')) as ValueRef<unknown> | undefined
  const path = selected === undefined ? undefined : pathOf(selected)
  if (path !== undefined && path.root !== 'input') {
    throw new DslError(
      'SFN107',
      `outputPath of Succeed '${name}' must select from the state's input.`,
    )
  }
  const node: SucceedNode = Object.freeze({
    ...base,
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    ...(path === undefined ? {} : { outputPath: path.segments }),
  })
  return new SucceedBuilder(node, new CallSite())
}
