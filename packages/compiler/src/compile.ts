import type { AslStateMachine, StateMachineSource } from '@statewright/asl'
import type { WorkflowNode } from '@statewright/dsl/ir'
import { z, type ZodType } from 'zod'
import {
  dslSubstitutions,
  isDslWorkflow,
  isStateMachineSource,
  lowerDslWorkflow,
  type DslWorkflow,
  type IrWorkflow,
  type LowerOptions,
  type SubstitutionInfo,
} from './adapters.ts'
import { collectStates, isRecord, MAX_JSON_DEPTH } from './asl/walk.ts'
import { sortDiagnostics, type Diagnostic, type SourceLocation } from './diagnostics.ts'
import { orderAslKeys } from './emit.ts'
import { IR_RULES, LINTS, type LintCode, type LintThresholds } from './rules/index.ts'
import { scanDefinition, withStandIns } from './substitutions.ts'
import { validateDefinition } from './validate.ts'

/** What `compile()` accepts: a DSL workflow, anything runnable, or an ASL definition (object or JSON text). */
export type CompileInput = DslWorkflow | StateMachineSource | AslStateMachine | string

/** Options of `compile()` and `validate()`. */
export interface CompileOptions extends LowerOptions {
  /** The state machine type; EXPRESS refuses `.sync`, callbacks, activities and Distributed Map. */
  readonly type?: 'STANDARD' | 'EXPRESS'
  /** Switch lints off (`{ SFN256: false }`), or all of them (`false`). All are on by default. */
  readonly lints?: Partial<Record<LintCode, boolean>> | false
  /** Tune what the lints report. */
  readonly thresholds?: LintThresholds
  /** The name of a plain ASL definition (a DSL workflow has its own). Default `StateMachine`. */
  readonly name?: string
}

/** JSON Schemas (draft 2020-12) of a workflow's execution input and output, when it declares them. */
export interface WorkflowSchemas {
  readonly input?: Record<string, unknown>
  readonly output?: Record<string, unknown>
}

/** Everything `statewright build` writes for one workflow. */
export interface CompileResult {
  readonly name: string
  /** The ASL definition, keys in ASL order. `${…}` placeholders stay in it (see `substitutions`). */
  readonly asl: AslStateMachine
  /** Errors and lint warnings, errors first; for DSL workflows each carries the user's call site. */
  readonly diagnostics: readonly Diagnostic[]
  /** What each `${…}` placeholder in `asl` stands for (CDK/SAM `DefinitionSubstitutions`). */
  readonly substitutions: Readonly<Record<string, SubstitutionInfo>>
  readonly schemas: WorkflowSchemas
  /** True when no diagnostic is an error: the definition is what AWS accepts. */
  readonly ok: boolean
}

interface Resolved {
  readonly name: string
  readonly definition: AslStateMachine
  readonly substitutions: Record<string, SubstitutionInfo>
  /** `scanDefinition` found the definition within MAX_JSON_DEPTH: no second depth walk. */
  readonly depthChecked: boolean
  readonly sources: Sources
  readonly inputSchema?: ZodType
  readonly outputSchema?: ZodType
  /** The DSL's IR, for the rules only it can answer. */
  readonly ir?: WorkflowNode
}

/**
 * Compiles a workflow to ASL: lowers it (DSL workflows), checks every rule AWS applies at
 * CreateStateMachine, runs the lints, and gathers schemas and substitutions. Never throws for bad
 * input: every problem is a diagnostic.
 * @example
 * const { asl, diagnostics } = compile(orderFlow)
 * diagnostics.map(formatDiagnostic)
 * // ["src/flow.ts:12:5 warning SFN250 /States/WaitForApproval: Task 'WaitForApproval' waits for …"]
 */
export function compile(input: CompileInput, options: CompileOptions = {}): CompileResult {
  let resolved: Resolved
  try {
    resolved = resolve(input, options)
  } catch (error) {
    return failed(options.name ?? nameOf(input), loweringFailure(error))
  }
  const { definition, sources } = resolved
  const fromIr = resolved.ir ? irDiagnostics(resolved.ir, definition, options) : []
  // Converted once: the lints read the input schema, and it is also written out.
  const inputJson = resolved.inputSchema ? jsonSchemaOf(resolved.inputSchema, 'input') : undefined
  const found = validateDefinition(
    withStandIns(definition, resolved.substitutions),
    { ...options, ...(inputJson ? { inputSchema: inputJson.schema } : {}) },
    resolved.depthChecked,
  )
  const schemas = schemasOf(resolved, inputJson)
  const diagnostics = sortDiagnostics([...fromIr, ...found, ...schemas.diagnostics]).map((d) =>
    withSource(d, sources),
  )
  const deep = diagnostics.some((d) => d.code === 'SFN303' || d.code === 'SFN230')
  return {
    name: resolved.name,
    asl: deep ? definition : orderAslKeys(definition),
    diagnostics,
    substitutions: resolved.substitutions,
    schemas: schemas.schemas,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  }
}

function resolve(input: CompileInput, options: CompileOptions): Resolved {
  if (isDslWorkflow(input)) {
    const ir = input.toIr()
    const definition = lowerDslWorkflow(ir, options)
    const scan = scanDefinition(definition, MAX_JSON_DEPTH)
    return {
      name: ir.name,
      definition,
      depthChecked: !scan.tooDeep,
      substitutions: { ...scan.placeholders, ...dslSubstitutions(ir, options) },
      sources: sourcesOf(ir),
      ir,
      ...(ir.inputSchema ? { inputSchema: ir.inputSchema } : {}),
      ...outputSchemaOf(ir as IrWorkflow),
    }
  }
  const definition = isStateMachineSource(input)
    ? input.toStateMachine().definition
    : typeof input === 'string'
      ? parsedOrText(input)
      : input
  const scan = scanDefinition(definition, MAX_JSON_DEPTH)
  return {
    name: options.name ?? nameOf(input),
    definition,
    depthChecked: !scan.tooDeep,
    substitutions: scan.placeholders,
    sources: noSources,
  }
}

/**
 * The IR rules, run on the workflow as lowering sees it (the compile options' region and account
 * override its own), with each path pointed at where the state sits in the definition.
 */
function irDiagnostics(
  ir: WorkflowNode,
  definition: AslStateMachine,
  options: LowerOptions,
): Diagnostic[] {
  const target = { ...ir.target }
  for (const key of ['region', 'account', 'partition'] as const) {
    if (options[key] !== undefined) target[key] = options[key]
  }
  // PERF: the state paths are collected only when a rule reported something.
  let paths: Map<string, string> | undefined
  // The IR with the target replaced, its properties copied as they are: spreading would read the
  // `source` getter, which formats a stack trace.
  const descriptors: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(ir)
  descriptors.target = { value: target, enumerable: true }
  const withTarget = Object.defineProperties({}, descriptors) as WorkflowNode
  return IR_RULES.flatMap((rule) => rule(withTarget)).map((d) => {
    const name = /^\/States\/([^/[]+)/.exec(d.path)?.[1]
    paths ??= new Map(collectStates(definition).map((visit) => [visit.name, visit.path]))
    const real = name === undefined ? undefined : paths.get(name)
    return real === undefined
      ? d
      : { ...d, path: `${real}${d.path.slice(`/States/${name}`.length)}` }
  })
}

/**
 * The execution output's schema: the workflow's own when it declares one; otherwise, when every way
 * the workflow ends is a Task that outputs its result untouched (no ResultSelector, ResultPath or
 * OutputPath; Fail states end without output), the union of those tasks' output schemas.
 */
function outputSchemaOf(ir: IrWorkflow): { outputSchema?: ZodType } {
  if (ir.outputSchema) return { outputSchema: ir.outputSchema }
  const ends: ZodType[] = []
  // PERF: an index loop; `states` is frozen, and V8 does not inline for-of over a frozen array.
  const states = ir.states as unknown as readonly Record<string, unknown>[]
  for (let index = 0; index < states.length; index++) {
    const state = states[index]!
    if (state['kind'] === 'Fail') continue
    const continues =
      typeof state['next'] === 'string' || state['kind'] === 'Choice' || state['kind'] === 'Fail'
    if (continues) continue
    const untouched =
      state['kind'] === 'Task' &&
      state['resultSelector'] === undefined &&
      state['outputPath'] === undefined &&
      (state['resultPath'] === undefined ||
        (Array.isArray(state['resultPath']) && state['resultPath'].length === 0)) &&
      isRecord(state['resource']) &&
      state['resource']['form'] !== 'invoke'
    const schema = state['outputSchema'] as ZodType | undefined
    if (!untouched || schema === undefined) return {}
    if (!ends.includes(schema)) ends.push(schema)
  }
  if (ends.length === 0) return {}
  return {
    outputSchema: ends.length === 1 ? ends[0]! : z.union(ends as [ZodType, ZodType, ...ZodType[]]),
  }
}

// JSON text becomes the definition; text that is not JSON goes to the validator as is, which
// answers with AWS's INVALID_JSON_DESCRIPTION and the line and column.
function parsedOrText(text: string): AslStateMachine {
  try {
    return JSON.parse(text) as AslStateMachine
  } catch {
    return text as unknown as AslStateMachine
  }
}

const nameOf = (input: unknown): string => {
  const name = isRecord(input) ? input['name'] : undefined
  return typeof name === 'string' && name !== '' ? name : 'StateMachine'
}

function failed(name: string, diagnostic: Diagnostic): CompileResult {
  return {
    name,
    asl: { StartAt: '', States: {} },
    diagnostics: [diagnostic],
    substitutions: {},
    schemas: {},
    ok: false,
  }
}

/** A DSL error keeps its SFN1xx code; a stack overflow is a too-deep workflow; the rest is SFN290. */
function loweringFailure(error: unknown): Diagnostic {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      code: 'SFN303',
      severity: 'error',
      path: '/',
      message: `The workflow is nested too deeply to compile (more than ${MAX_JSON_DEPTH} levels). Flatten it: move deep branches into nested state machines.`,
    }
  }
  const code = isRecord(error) && typeof error['code'] === 'string' ? error['code'] : 'SFN290'
  const message = error instanceof Error ? error.message.replace(/^SFN\d+: /, '') : String(error)
  return { code, severity: 'error', path: '/', message }
}

/** Where each state was created, looked up only when a diagnostic needs it. */
type Sources = (name: string) => SourceLocation | undefined

const noSources: Sources = () => undefined

/**
 * State name → the DSL call that created it, from every IR node (branches and processors too).
 * PERF: the IR is walked on the first lookup, and a node's `source` (a getter that formats a stack
 * trace) is read only for the state a diagnostic names: a workflow without diagnostics pays nothing.
 */
function sourcesOf(ir: WorkflowNode): Sources {
  let nodes: Map<string, Record<string, unknown>> | undefined
  return (name) => {
    nodes ??= stateNodesOf(ir)
    const source = nodes.get(name)?.['source']
    return isRecord(source) ? (source as unknown as SourceLocation) : undefined
  }
}

function stateNodesOf(ir: WorkflowNode): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>()
  const seen = new Set<object>()
  const stack: unknown[] = [ir.states]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value !== 'object' || value === null || seen.has(value)) continue
    seen.add(value)
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item)
      continue
    }
    const node = value as Record<string, unknown>
    const name = node['name']
    if (typeof name === 'string' && typeof node['kind'] === 'string' && 'source' in node) {
      if (!found.has(name)) found.set(name, node)
    }
    // Schemas are zod objects, not IR: skip them (they are large and can be cyclic); `source` is a
    // location, not IR, and reading it would format a stack.
    for (const key of Object.keys(node)) {
      if (key !== 'source' && !/schema$/i.test(key)) stack.push(node[key])
    }
  }
  return found
}

/** The DSL call site of the innermost state a diagnostic's path names. */
function withSource(diagnostic: Diagnostic, sources: Sources): Diagnostic {
  if (diagnostic.source) return diagnostic
  const names = [...diagnostic.path.matchAll(/\/States\/([^/[]+)/g)].map((m) => m[1]!)
  for (const name of names.reverse()) {
    const source = sources(name)
    if (source) return { ...diagnostic, source }
  }
  return diagnostic
}

/**
 * The JSON Schema of a zod schema. Parts JSON Schema cannot express (dates, transforms' outputs, …)
 * become `{}` (any value) so a schema is still written, and the problem is returned to be reported:
 * a silently widened schema would validate inputs the workflow rejects.
 */
function jsonSchemaOf(
  schema: ZodType,
  io: 'input' | 'output',
): { schema?: Record<string, unknown>; problem?: string } {
  try {
    return { schema: z.toJSONSchema(schema, { io }) as Record<string, unknown> }
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error)
    try {
      const widened = z.toJSONSchema(schema, { io, unrepresentable: 'any' })
      return { schema: widened as Record<string, unknown>, problem }
    } catch {
      return { problem }
    }
  }
}

function schemasOf(
  resolved: Resolved,
  input: ReturnType<typeof jsonSchemaOf> | undefined,
): { schemas: WorkflowSchemas; diagnostics: Diagnostic[] } {
  const schemas: { input?: Record<string, unknown>; output?: Record<string, unknown> } = {}
  const diagnostics: Diagnostic[] = []
  for (const io of ['input', 'output'] as const) {
    const schema = io === 'input' ? resolved.inputSchema : resolved.outputSchema
    if (!schema) continue
    const { schema: json, problem } = io === 'input' && input ? input : jsonSchemaOf(schema, io)
    if (json) schemas[io] = json
    if (problem === undefined) continue
    const written = json
      ? 'those parts are written as {} (any value)'
      : `no ${io} schema file is written`
    diagnostics.push({
      code: 'SFN291',
      severity: 'warning',
      path: '/',
      ...(resolved.ir?.source ? { source: resolved.ir.source } : {}),
      message:
        `The ${io} schema of '${resolved.name}' has parts JSON Schema cannot express (${problem}), so ${written}. ` +
        `Use zod types JSON Schema can express (e.g. z.iso.datetime() for dates).`,
    })
  }
  return { schemas, diagnostics }
}

export { collectStates, LINTS }
