import type { QueryLanguage } from '@statewright/asl'
import type { z, ZodType } from 'zod'
import type { ContextObject } from '../context-object.ts'
import {
  type Condition,
  type ConditionIn,
  conditionNodeOf,
  type ConditionReads,
} from '../conditions.ts'
import { DslError } from '../errors.ts'
import {
  type Assignment,
  type AssignmentMarks,
  type AssignmentsIn,
  assignNode,
} from '../assignments.ts'
import type { ConditionNode } from '../ir/condition-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import { ChoiceNode } from '../ir/choice-node.ts'
import type { StateNode } from '../ir/state-node.ts'
import type { Fits, OutputOf, ResolveOutput } from '../infer.ts'
import type { NextChain } from './chain.ts'
import type { DslTypeError } from '../type-utils.ts'
import type { Marked, MarksOf, ReadsMark, Scope, ScopeFits } from '../variables.ts'
import { createRef, pathOf, type Ref, type ValueRef } from '../ref.ts'
import type { PathSegment } from '../ir/path-node.ts'
import { CallSite } from '../source.ts'
import { type Chain, chainAfter, resolveTarget } from './chain.ts'
import { type Chainable, checkStateName, type EmitContext, type Piece } from './piece.ts'

/**
 * A Choice target given as a function of the branch's chain (`(b) => b.task(…)`), typed by the data the
 * branch receives.
 * @example
 * const target: BranchCallback<Order, 'workflow'> = (b) => b.task(ship)
 */
export type BranchCallback<TBranch, TScope extends Scope> = (
  branch: Chain<TBranch, TBranch, TScope>,
) => Chainable<any, any> // eslint-disable-line @typescript-eslint/no-explicit-any

// What a rule adds to a standalone Choice's marks: its condition, its assign and its target.
type RuleMarks<TCondition, TAssigned extends readonly Assignment[], TTarget> =
  | ([ConditionReads<TCondition>] extends [true] ? ReadsMark : never)
  | AssignmentMarks<TAssigned>
  | MarksOf<TTarget>

interface Branch {
  readonly condition: ConditionNode
  readonly assign?: ValueNode
  readonly comment?: string
  readonly target: Piece
}

/**
 * Options of a Choice rule. In a Parallel branch or Map iteration (`TScope`), `assign` may not set a
 * workflow variable, and in a Distributed Map iteration it may not read one either (a type error).
 */
export interface RuleOptions<
  TInput,
  TScope extends Scope = 'workflow',
  TAssigned extends readonly Assignment[] = readonly Assignment[],
> {
  /** Variables to set when this rule is taken: `(s) => [set(variable, value), …]`. */
  readonly assign?: (
    s: Ref<TInput>,
    context: Ref<ContextObject>,
  ) => AssignmentsIn<TScope, TAssigned>
  /** The rule's `Comment`. */
  readonly comment?: string
}

interface ChoiceState {
  readonly name: string
  readonly queryLanguage?: QueryLanguage
  readonly branches: readonly Branch[]
  readonly otherwise: Piece | undefined
  readonly comment: string | undefined
  readonly assign?: ValueNode
  /** `OutputPath` (JSONPath) / `Output` (JSONata): the part of the input every branch target receives. */
  readonly outputPath?: readonly PathSegment[]
  /** `InputPath` (JSONPath only): the part of the input the rules read and pass on. */
  readonly inputPath?: readonly PathSegment[]
  readonly site: CallSite
}

/**
 * A Choice state being built: `when()` adds a rule, `otherwise()` sets the default. The output type is the
 * union of the branches' outputs; open ends of the branches continue to what `next()` adds (a join).
 * `TBranch` is what the branch targets receive: the input, or the part `outputPath()` selects. `TData` is
 * what the rules read: the input, or the part `inputPath()` selects.
 */
export class ChoiceBuilder<
  TInput,
  TOutput,
  TScope extends Scope = 'workflow',
  TBranch = TInput,
  TData = TInput,
> implements Chainable<TInput, TOutput> {
  declare readonly '~scope'?: TScope
  declare readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  readonly #state: ChoiceState

  /** @internal */
  constructor(state: ChoiceState) {
    this.#state = state
  }

  /** @internal */
  static create<TInput, TScope extends Scope = 'workflow'>(
    name: string,
  ): ChoiceBuilder<TInput, never, TScope> {
    return new ChoiceBuilder({
      name: checkStateName(name),
      branches: [],
      otherwise: undefined,
      comment: undefined,
      site: new CallSite(),
    })
  }

  /** @internal */
  get '~piece'(): Piece {
    const {
      name,
      branches,
      otherwise,
      comment,
      site,
      queryLanguage,
      assign,
      outputPath,
      inputPath,
    } = this.#state
    if (branches.length === 0) {
      throw new DslError(
        'SFN103',
        `Choice '${name}' has no rule: add one with .when(condition, state).`,
      )
    }
    return {
      startName: name,
      isOpen: branches.some((b) => b.target.isOpen) || (otherwise?.isOpen ?? false),
      description: `Choice state '${name}'`,
      emit: (ctx: EmitContext, next: string | undefined): void => {
        let node = ChoiceNode.create(
          name,
          branches.map((b) => ({
            condition: b.condition,
            next: b.target.startName,
            ...(b.assign === undefined ? {} : { assign: b.assign }),
            ...(b.comment === undefined ? {} : { comment: b.comment }),
          })),
          otherwise?.startName,
        )
        if (comment !== undefined) node = Object.freeze({ ...node, comment })
        if (queryLanguage !== undefined) node = Object.freeze({ ...node, queryLanguage })
        if (assign !== undefined) node = Object.freeze({ ...node, assign })
        if (outputPath !== undefined) node = Object.freeze({ ...node, outputPath })
        if (inputPath !== undefined) {
          node = Object.freeze({
            ...node,
            parameters: { kind: 'path', root: 'input', segments: inputPath } as const,
          })
        }
        if (!ctx.add(this, node, site)) return
        for (const branch of branches) branch.target.emit(ctx, next)
        otherwise?.emit(ctx, next)
      },
    }
  }

  /**
   * Adds a rule: when `condition` holds for the state's input, continue with `target` (a state, a chain, or
   * a function of a chain typed by this input).
   * @example
   * choice.when((s) => eq(s.inventoryResult, true), task(initiateShipping))
   * // { "Variable": "$.inventoryResult", "BooleanEquals": true, "Next": "InitiateShipping" }
   */
  when<
    TCondition extends Condition,
    TBuilt extends Chainable<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    TAssigned extends readonly Assignment[] = never,
  >(
    condition: (s: Ref<TData>, context: Ref<ContextObject>) => ConditionIn<TScope, TCondition>,
    target: (branch: Chain<TBranch, TBranch, TScope>) => TBuilt,
    options?: RuleOptions<TData, TScope, TAssigned>,
  ): ChoiceBuilder<
    TInput,
    TOutput | ResolveOutput<TBranch, OutputOf<TBuilt>>,
    Marked<TScope, RuleMarks<TCondition, TAssigned, TBuilt>>,
    TBranch,
    TData
  >
  when<
    TCondition extends Condition,
    TTarget extends Chainable<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    TAssigned extends readonly Assignment[] = never,
  >(
    condition: (s: Ref<TData>, context: Ref<ContextObject>) => ConditionIn<TScope, TCondition>,
    // A function target is accepted here too: when the first overload fails only on `options`, this
    // (the last) overload's error is what tsc shows, and it then lands on the `assign`, not on the target.
    target: ScopeFits<TScope, TTarget, Fits<TBranch, TTarget>> | BranchCallback<TBranch, TScope>,
    options?: RuleOptions<TData, TScope, TAssigned>,
  ): ChoiceBuilder<
    TInput,
    TOutput | ResolveOutput<TBranch, OutputOf<TTarget>>,
    Marked<TScope, RuleMarks<TCondition, TAssigned, TTarget>>,
    TBranch,
    TData
  >
  when(
    condition: (s: Ref<TData>, context: Ref<ContextObject>) => Condition,
    target: unknown,
    options: RuleOptions<TData, TScope> = {},
  ): unknown {
    const node = conditionNodeOf(condition(createRef<TData>('input'), createRef('context')))
    const assigned =
      options.assign === undefined
        ? undefined
        : assignNode(
            options.assign(
              createRef<TData>('input'),
              createRef('context'),
            ) as readonly Assignment[],
          )
    const branch = {
      condition: node,
      target: resolveTarget(target),
      ...(assigned === undefined ? {} : { assign: assigned }),
      ...(options.comment === undefined ? {} : { comment: options.comment }),
    }
    return new ChoiceBuilder({ ...this.#state, branches: [...this.#state.branches, branch] })
  }

  /**
   * Sets the default: where the input goes when no rule holds (without it, `States.NoChoiceMatched`).
   * @example
   * choice.otherwise(fail('InventoryFailureHandler')) // "Default": "InventoryFailureHandler"
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  otherwise<TBuilt extends Chainable<any, any>>(
    target: (branch: Chain<TBranch, TBranch, TScope>) => TBuilt,
  ): ChoiceBuilder<
    TInput,
    TOutput | ResolveOutput<TBranch, OutputOf<TBuilt>>,
    Marked<TScope, MarksOf<TBuilt>>,
    TBranch,
    TData
  >
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  otherwise<TTarget extends Chainable<any, any>>(
    target: ScopeFits<TScope, TTarget, Fits<TBranch, TTarget>>,
  ): ChoiceBuilder<
    TInput,
    TOutput | ResolveOutput<TBranch, OutputOf<TTarget>>,
    Marked<TScope, MarksOf<TTarget>>,
    TBranch,
    TData
  >
  otherwise(target: unknown): unknown {
    if (this.#state.otherwise !== undefined) {
      throw new DslError(
        'SFN103',
        `Choice '${this.#state.name}' already has a default ('${this.#state.otherwise.startName}'): call otherwise() once.`,
      )
    }
    return new ChoiceBuilder({ ...this.#state, otherwise: resolveTarget(target) })
  }

  /**
   * Makes the rules read only the part of the input that `select` picks, and hands that part on (`InputPath`,
   * JSONPath only: in JSONata read the part directly, `s.part.field`). Call it first, before `outputPath()`
   * and the first `when()`: the conditions, the rules' `assign` and the targets are typed by the part.
   * @example
   * choice.inputPath((s) => s.order).when((s) => gt(s.total, 100), task(review)) // "InputPath": "$.order"
   */
  inputPath<TPart>(
    select: [TOutput] extends [never]
      ? (s: Ref<TData>) => ValueRef<TPart>
      : DslTypeError<'Call inputPath() before the first when(): the rules added so far read the whole input.'>,
  ): ChoiceBuilder<TInput, never, TScope, TPart, TPart> {
    const { name, branches, outputPath, inputPath } = this.#state
    // Rules and an outputPath written so far read the whole input: selecting afterwards would mistype them.
    if (branches.length > 0 || outputPath !== undefined || inputPath !== undefined) {
      throw new DslError(
        'SFN104',
        `inputPath() on Choice '${name}' comes after a when(), an outputPath() or another inputPath(): call it once, first.`,
      )
    }
    const path = pathOf((select as (s: Ref<TData>) => ValueRef<unknown>)(createRef<TData>('input')))
    if (path.root !== 'input') {
      throw new DslError(
        'SFN107',
        `inputPath() on Choice '${name}' must select from the callback's argument (the state's input).`,
      )
    }
    return new ChoiceBuilder({ ...this.#state, inputPath: path.segments })
  }

  /**
   * Hands every branch target only the part of the input that `select` picks (`OutputPath` in JSONPath,
   * `Output` in JSONata); the conditions still read the whole input (or the part `inputPath()` selected,
   * which `select` reads too). Call it before the first `when()`: the targets are typed by the selected part.
   * @example
   * choice.outputPath((s) => s.order).when((s) => eq(s.express, true), task(ship)) // "OutputPath": "$.order"
   */
  outputPath<TSelected>(
    select: [TOutput] extends [never]
      ? (s: Ref<TData>) => ValueRef<TSelected>
      : DslTypeError<'Call outputPath() before the first when(): the targets added so far receive the whole input.'>,
  ): ChoiceBuilder<TInput, never, TScope, TSelected, TData> {
    const { name, branches, outputPath } = this.#state
    // The targets added so far were typed by the whole input: selecting afterwards would mistype them.
    if (branches.length > 0 || outputPath !== undefined) {
      throw new DslError(
        'SFN104',
        `outputPath() on Choice '${name}' comes after a when() or another outputPath(): call it once, before the first when().`,
      )
    }
    const path = pathOf((select as (s: Ref<TData>) => ValueRef<unknown>)(createRef<TData>('input')))
    if (path.root !== 'input') {
      throw new DslError(
        'SFN107',
        `outputPath() on Choice '${name}' must select from the callback's argument (the state's input).`,
      )
    }
    return new ChoiceBuilder({ ...this.#state, outputPath: path.segments })
  }

  /**
   * Writes this Choice in `language` whatever the workflow uses (JSONata rules become `Condition`s).
   * @example
   * choice.queryLanguage('JSONata') // "Choices": [{ "Condition": "{% $states.input.ok = true %}", … }]
   */
  queryLanguage(language: QueryLanguage): ChoiceBuilder<TInput, TOutput, TScope, TBranch, TData> {
    return new ChoiceBuilder({ ...this.#state, queryLanguage: language })
  }

  /**
   * Variables to set when the Default is taken (a matched rule's own `assign` replaces these; ASL-SPEC §3.3).
   * @example
   * choice.otherwise(standard).assign((s) => [set(discount, 0)]) // "Assign": { "discount": 0 }
   */
  assign<TAssigned extends readonly Assignment[]>(
    build: (s: Ref<TData>, context: Ref<ContextObject>) => AssignmentsIn<TScope, TAssigned>,
  ): ChoiceBuilder<TInput, TOutput, Marked<TScope, AssignmentMarks<TAssigned>>, TBranch, TData> {
    return new ChoiceBuilder({
      ...this.#state,
      assign: assignNode(
        build(createRef<TData>('input'), createRef('context')) as readonly Assignment[],
      ),
    })
  }

  /**
   * Sets the state's `Comment`.
   * @example
   * choice.comment('Enough stock?') // "Comment": "Enough stock?"
   */
  comment(text: string): ChoiceBuilder<TInput, TOutput, TScope, TBranch, TData> {
    return new ChoiceBuilder({ ...this.#state, comment: text })
  }

  /**
   * Joins the branches: every open end of every branch continues to `target`.
   * @example
   * choice.when(…, task(a)).otherwise(task(b)).next(task(c)) // "A": { "Next": "C" }, "B": { "Next": "C" }
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next<TTarget extends Chainable<any, any>>(
    target: ScopeFits<TScope, TTarget, Fits<TOutput, TTarget>>,
  ): NextChain<TInput, TOutput, TTarget, Marked<TScope, MarksOf<TTarget>>> {
    return chainAfter(this['~piece'], target as TTarget) as unknown as NextChain<
      TInput,
      TOutput,
      TTarget,
      Marked<TScope, MarksOf<TTarget>>
    >
  }
}

/**
 * A Choice state on its own, for input of type `TInput` (or of the `input` schema). Inside a chain, prefer
 * `chain.choice(name, build)`, which takes the input type from the chain.
 * @example
 * choice('IsBig', { input: Order }).when((s) => gt(s.amount, 100), task(review)).otherwise(task(ship))
 * // "IsBig": { "Type": "Choice", "Choices": [{ "Variable": "$.amount", "NumericGreaterThan": 100, "Next": "Review" }], "Default": "Ship" }
 */
export function choice<TSchema extends ZodType>(
  name: string,
  options: { readonly input: TSchema },
): ChoiceBuilder<z.input<TSchema>, never>
export function choice<TInput = unknown>(name: string): ChoiceBuilder<TInput, never>
export function choice(name: string): ChoiceBuilder<unknown, never> {
  return ChoiceBuilder.create(name)
}
