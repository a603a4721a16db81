import type {
  AslStateMachine,
  QueryLanguage,
  StateMachineSource,
  TaskHandler,
} from '@statewright/asl'
import type { z, ZodType } from 'zod'
import { DslError } from '../errors.ts'
import type { StateNode } from '../ir/state-node.ts'
import type { WorkflowNode } from '../ir/workflow-node.ts'
import { type LowerOptions, lowerWorkflow } from '../lower/workflow.ts'
import { CallSite } from '../source.ts'
import { Chain } from './chain.ts'
import { type Chainable, EmitContext, pieceOf } from './piece.ts'
import { checkVariableScopes } from './variable-scopes.ts'

/**
 * Options of `workflow()`.
 * @example
 * workflow('Orders', { input: Order, comment: 'Order flow', region: 'eu-west-1', account: '123456789012' }, body)
 */
export interface WorkflowOptions<TSchema extends ZodType> {
  /** The execution's input: the first state receives data of this schema's type. */
  readonly input: TSchema
  /** The execution output's schema, for documentation and the compiler's JSON Schema output. */
  readonly output?: ZodType
  /** The document's top-level `Comment`. */
  readonly comment?: string
  /** Region of the Lambda ARNs; with `account` unset or this unset, ARNs become `${…}` substitutions. */
  readonly region?: string
  /** Account of the Lambda ARNs. */
  readonly account?: string
  /** ARN partition, `aws` unless given. */
  readonly partition?: string
  /** Top-level `TimeoutSeconds` of the execution. */
  readonly timeoutSeconds?: number
  /** Top-level `Version`. */
  readonly version?: string
  /** The query language of every state that does not set its own (`JSONPath` unless given). */
  readonly queryLanguage?: QueryLanguage
}

// `run()` needs concrete ARNs: when the workflow leaves them to deployment, local runs use these.
const LOCAL_TARGET = { region: 'us-east-1', account: '111111111111' } as const

/**
 * A complete workflow: what `statewright build` compiles (`toIr()`, `toAsl()`) and what `run()` executes
 * (`toStateMachine()`, with the tasks' local handlers).
 * @example
 * const result = await run(ecommerce, { orderId: 'o1', amount: 5 }) // @statewright/runtime
 */
export class Workflow<TInput, TOutput> implements StateMachineSource {
  declare readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  readonly name: string
  readonly #ir: WorkflowNode
  readonly #handlers: Readonly<Record<string, TaskHandler>>

  /** @internal */
  constructor(ir: WorkflowNode, handlers: Readonly<Record<string, TaskHandler>>) {
    this.name = ir.name
    this.#ir = ir
    this.#handlers = handlers
  }

  /**
   * The workflow's IR, for the compiler (`@statewright/dsl/ir`).
   * @example
   * ecommerce.toIr().startAt // 'ProcessPayment'
   */
  toIr(): WorkflowNode {
    return this.#ir
  }

  /**
   * The ASL document, in the workflow's query language.
   * @example
   * ecommerce.toAsl() // { Comment: '…', StartAt: 'ProcessPayment', States: { … } }
   */
  toAsl(options: LowerOptions = {}): AslStateMachine {
    return lowerWorkflow(this.#ir, options)
  }

  /**
   * The ASL plus the local handlers keyed by state name: what `run(workflow, input)` executes. ARNs the
   * workflow leaves to deployment point at the runtime's placeholder account (111111111111, us-east-1).
   * @example
   * const { definition, handlers } = ecommerce.toStateMachine()
   */
  toStateMachine(): {
    definition: AslStateMachine
    handlers: Readonly<Record<string, TaskHandler>>
  } {
    const target = this.#ir.target
    const definition = lowerWorkflow(this.#ir, {
      region: target.region ?? LOCAL_TARGET.region,
      account: target.account ?? LOCAL_TARGET.account,
    })
    return { definition, handlers: this.#handlers }
  }
}

/**
 * AWS refuses a JSONPath state in a JSONata state machine (ASL-SPEC §1, SFN222 at compile): refused here,
 * when the workflow is built, naming the state. Nested states are looked at too (they take the top level's
 * language, not their Parallel's or Map's).
 */
function refuseJsonPathStates(workflowName: string, states: readonly StateNode[]): void {
  for (const state of states) {
    if (state.queryLanguage === 'JSONPath') {
      throw new DslError(
        'SFN104',
        `State '${state.name}' is written in JSONPath (queryLanguage('JSONPath')), but workflow '${workflowName}' is JSONata, where AWS refuses JSONPath states: drop queryLanguage('JSONPath') from '${state.name}', or write the workflow in JSONPath and mark its JSONata states with queryLanguage('JSONata').`,
      )
    }
    if (state.kind === 'Parallel') {
      for (const branch of state.branches) refuseJsonPathStates(workflowName, branch.states)
    } else if (state.kind === 'Map') {
      refuseJsonPathStates(workflowName, state.processor.states)
    }
  }
}

/**
 * A workflow named `name` whose execution input has the `input` schema. `body` receives an empty chain typed
 * by that schema and returns the chain of states; state names must be unique (SFN101 otherwise).
 * @example
 * export const ecommerce = workflow('Ecommerce', { input: Order, region: 'us-east-1', account: '123456789012' },
 *   (start) => start.next(task(processPayment)).next(task(checkInventory)))
 * // { "StartAt": "ProcessPayment", "States": { "ProcessPayment": { …, "Next": "CheckInventory" }, … } }
 */
export function workflow<TSchema extends ZodType, TOutput>(
  name: string,
  options: WorkflowOptions<TSchema>,
  body: (start: Chain<z.input<TSchema>, z.input<TSchema>>) => Chainable<unknown, TOutput>,
): Workflow<z.input<TSchema>, TOutput> {
  const site = new CallSite()
  if (typeof name !== 'string' || name.length === 0) {
    throw new DslError(
      'SFN104',
      "workflow() needs a non-empty name, like workflow('OrderProcessing', …).",
    )
  }
  if (typeof body !== 'function') {
    throw new DslError('SFN106', `workflow('${name}') needs a body: (start) => start.next(…).`)
  }
  const piece = pieceOf(body(new Chain(undefined)))
  const ctx = new EmitContext()
  piece.emit(ctx, undefined)
  const states = ctx.finish()
  checkVariableScopes(states)
  if (options.queryLanguage === 'JSONata') refuseJsonPathStates(name, states)
  const ir: WorkflowNode = {
    kind: 'Workflow',
    name,
    startAt: piece.startName,
    states: Object.freeze(states),
    target: Object.freeze({
      ...(options.region === undefined ? {} : { region: options.region }),
      ...(options.account === undefined ? {} : { account: options.account }),
      ...(options.partition === undefined ? {} : { partition: options.partition }),
    }),
    inputSchema: options.input,
    ...(options.output === undefined ? {} : { outputSchema: options.output }),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }),
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage }),
  }
  // PERF: formatting the stack costs more than the rest of a small build; only a diagnostic reads it.
  Object.defineProperty(ir, 'source', { get: () => site.resolve(), enumerable: true })
  Object.freeze(ir)
  return new Workflow(ir, Object.freeze({ ...ctx.handlers }))
}
