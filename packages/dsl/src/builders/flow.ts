import type { z, ZodType } from 'zod'
import { DslError } from '../errors.ts'
import type { InputOf, OutputOf } from '../infer.ts'
import { type Chain, emptyChain, resolveTarget } from './chain.ts'
import { type Chainable, type EmitContext, type Piece, withNamePrefix } from './piece.ts'
import type { DslTypeError } from '../type-utils.ts'
import type { Marked, MarksOf, Scope } from '../variables.ts'

/** A jump to a state that is already in the workflow: closes this path, so it has no `next()`. */
export interface Goto<TInput> extends Chainable<TInput, never> {}

/**
 * Continues with a state that is placed elsewhere in the same workflow (or branch): a loop back to an
 * earlier state, or a join into a shared one. The jump is checked like `next()`: the data must fit. It
 * takes the state itself, not its name (a name is a type error: nothing could check the data, nor the
 * name; from JavaScript a name works, and one that is not on the level is SFN108 with the closest name).
 * @example
 * const pause = wait('Pause', { seconds: 30 })
 * start.next(task(submit)).next(pause).next(task(getStatus)).choice('Done?', (c) =>
 *   c.when((s) => eq(s.status, 'DONE'), succeed('Finished')).otherwise(goto(pause)))
 * // "Done?": { …, "Default": "Pause" }   (a polling loop)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function goto<TTarget extends Chainable<any, any>>(target: TTarget): Goto<InputOf<TTarget>>
// The last overload, so a name given to goto() is reported with this sentence instead of "'string' is not
// assignable to Chainable<any, any>".
export function goto(
  name: DslTypeError<'goto() takes the state itself, not its name: keep the state in a const (const charge = task(…)) and write goto(charge), so that the jump is checked like next().'>,
): never
export function goto(target: unknown): Goto<unknown> {
  const targetPiece: Pick<Piece, 'startName'> =
    typeof target === 'string' ? { startName: target } : resolveTarget(target)
  const piece: Piece = {
    get startName() {
      return targetPiece.startName
    },
    isOpen: false,
    description: `a jump to '${targetPiece.startName}'`,
    emit: (ctx: EmitContext): void => ctx.expect(targetPiece.startName),
  }
  return { '~piece': piece }
}

/**
 * A reusable piece of workflow: call it with a label for each use; its states are named `<label>.<name>`.
 * `TScope` keeps the marks of what it does with workflow variables, so a branch or iteration chain can
 * refuse it like any standalone chain.
 */
export type Fragment<TInput, TOutput, TScope extends Scope = 'workflow'> = (
  label: string,
) => Chain<TInput, TOutput, TScope>

/**
 * A fragment of states that can be used several times in one workflow. Each use gets stable, readable names
 * (`Customer.SendEmail`, `Merchant.SendEmail`); using one label twice is a name collision (SFN101).
 * @example
 * const notify = fragment({ input: Order }, (start) => start.task(sendEmail).task(logNotification))
 * start.next(notify('Customer')).next(notify('Merchant'))
 * // "Customer.SendEmail" → "Customer.LogNotification" → "Merchant.SendEmail" → …
 */
export function fragment<TSchema extends ZodType, TBuilt extends Chainable<unknown, unknown>>(
  options: { readonly input: TSchema },
  build: (start: Chain<z.input<TSchema>, z.input<TSchema>>) => TBuilt,
): Fragment<z.input<TSchema>, OutputOf<TBuilt>, Marked<'workflow', MarksOf<TBuilt>>> {
  void options
  return (
    label: string,
  ): Chain<z.input<TSchema>, OutputOf<TBuilt>, Marked<'workflow', MarksOf<TBuilt>>> => {
    if (typeof label !== 'string' || !/^[^.\s][^.]*$/.test(label)) {
      throw new DslError(
        'SFN104',
        `A fragment label must be a non-empty name without dots, like 'Customer'; got '${String(label)}'.`,
      )
    }
    const built = withNamePrefix(`${label}.`, () => build(emptyChain()))
    return emptyChain<z.input<TSchema>>().next(built as never) as unknown as Chain<
      z.input<TSchema>,
      OutputOf<TBuilt>,
      Marked<'workflow', MarksOf<TBuilt>>
    >
  }
}
