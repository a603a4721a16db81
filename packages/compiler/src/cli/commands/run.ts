import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join, relative, resolve, sep } from 'node:path'
import type { JsonValue } from '@statewright/asl'
import {
  LocalFolderS3,
  mocksFromConfig,
  startExecution,
  type HistoryEvent,
  type MockConfigFile,
  type Runnable,
} from '@statewright/runtime'
import { compile } from '../../compile.ts'
import type { Diagnostic } from '../../diagnostics.ts'
import { emitAsl } from '../../emit.ts'
import { validate } from '../../validate.ts'
import { isDslWorkflow } from '../../adapters.ts'
import {
  boolFlag,
  listFlag,
  machineType,
  stringFlag,
  UsageError,
  type ParsedArgs,
} from '../args.ts'
import { diagnosticLine, jsonOut, type CliIo } from '../io.ts'
import { locateInFile, parseJsonText, readJsonFile } from '../read-json.ts'
import { withNodeStackTraces } from '../load.ts'
import { loadTarget, type Target } from './target.ts'

const TRACE_WIDTH = 160

const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > TRACE_WIDTH ? `${text.slice(0, TRACE_WIDTH - 1)}…` : text
}

/** One trace line for the history events a user follows: states entered/exited, failures, the end. */
function traceLine(event: HistoryEvent, depth: number, tag: string): string | undefined {
  const details = (suffix: string): Record<string, unknown> =>
    (event[`${suffix}EventDetails`] as Record<string, unknown> | undefined) ?? {}
  const indent = `${'  '.repeat(depth)}${tag === '' ? '' : `${tag} `}`
  if (event.type.endsWith('StateEntered')) {
    const { name } = details('stateEntered')
    return `${indent}→ ${String(name)} (${event.type.slice(0, -'StateEntered'.length)})`
  }
  if (event.type.endsWith('StateExited')) {
    const { name, output } = details('stateExited')
    return `${indent}← ${String(name)}: ${preview(output)}`
  }
  if (/(Failed|TimedOut)$/.test(event.type) && !event.type.startsWith('Execution')) {
    const key = event.type[0]!.toLowerCase() + event.type.slice(1)
    const { error, cause } = details(key)
    return `${indent}✗ ${event.type}${error === undefined ? '' : ` ${String(error)}`}${cause === undefined ? '' : `: ${preview(cause)}`}`
  }
  return undefined
}

/** Where an event happened: nesting depth, and the branch/iteration indexes on the way (`[1][4]`). */
interface TraceScope {
  readonly depth: number
  readonly tag: string
  /** The Parallel/Map (its …StateStarted event id) this scope is a branch or iteration of. */
  readonly container?: number
  readonly outer?: TraceScope
}

const ROOT_SCOPE: TraceScope = { depth: 0, tag: '' }

/**
 * Places each history event in its branch or iteration. Concurrent branches and iterations
 * interleave, so nesting cannot follow the order of events: it follows each event's
 * previousEventId, the thread it continues (as AWS links them). Two links leave a thread: the
 * end of a Parallel/Map and the state after it link to the last event of one branch or
 * iteration, so a scope whose Parallel/Map has ended is left for the one around it.
 */
class TraceScopes {
  readonly #scopes = new Map<number, TraceScope>()
  readonly #types = new Map<number, string>()
  readonly #ended = new Set<number>()
  readonly #branches = new Map<number, number>()

  /** The scope of `event`; call once per event, in history order. */
  place(event: HistoryEvent): TraceScope {
    const previous = event.previousEventId
    const previousType = this.#types.get(previous)
    let scope = this.#open(this.#scopes.get(previous) ?? ROOT_SCOPE)
    if (event.type === 'MapIterationStarted') {
      const index = Number(
        (event['mapIterationStartedEventDetails'] as { index?: unknown } | undefined)?.index,
      )
      // The first iterations link to MapStateStarted; later ones to an ended iteration's last event.
      const [owner, container] =
        previousType === 'MapStateStarted'
          ? [scope, previous]
          : [scope.outer ?? scope, scope.container ?? previous]
      scope = { depth: owner.depth + 1, tag: `${owner.tag}[${index}]`, container, outer: owner }
    } else if (previousType === 'ParallelStateStarted' && !/^ParallelState/.test(event.type)) {
      // A branch's first event: branches start in the order of Branches.
      const index = this.#branches.get(previous) ?? 0
      this.#branches.set(previous, index + 1)
      scope = {
        depth: scope.depth + 1,
        tag: `${scope.tag}[${index}]`,
        container: previous,
        outer: scope,
      }
    } else if (
      /^(Parallel|Map)State(Succeeded|Failed|Aborted)$/.test(event.type) &&
      !/^(Parallel|Map)StateStarted$/.test(previousType ?? '') &&
      scope.container !== undefined
    ) {
      this.#ended.add(scope.container)
      scope = scope.outer ?? ROOT_SCOPE
    }
    this.#scopes.set(event.id, scope)
    this.#types.set(event.id, event.type)
    return scope
  }

  // Out of the branches and iterations of a Parallel/Map that has ended.
  #open(scope: TraceScope): TraceScope {
    let current = scope
    while (current.container !== undefined && this.#ended.has(current.container)) {
      current = current.outer ?? ROOT_SCOPE
    }
    return current
  }
}

async function readInput(args: ParsedArgs, cwd: string): Promise<unknown> {
  const raw = stringFlag(args, 'input')
  if (raw === undefined) return {}
  let text = raw
  let file = '--input'
  if (raw.startsWith('@')) {
    file = raw.slice(1)
    text = await readFile(resolve(cwd, file), 'utf8').catch(() => {
      throw new UsageError(`Cannot read the input file '${file}'.`)
    })
  }
  const parsed = parseJsonText(
    text,
    file,
    `Give the execution input as JSON, e.g. --input '{"orderId":"1"}'.`,
  )
  if (!parsed.ok) throw new UsageError(parsed.diagnostic.message)
  return parsed.value
}

/**
 * `--child [Name=]file[#export]`: state machines that the workflow's startExecution tasks start in process.
 * A DSL workflow is registered under its own name, an ASL file under its file name without `.asl.json`
 * (`Name=` overrides either): the name a task's `…:stateMachine:Name` ARN ends with.
 */
async function loadChildren(args: ParsedArgs, cwd: string): Promise<Record<string, Runnable>> {
  const children: Record<string, Runnable> = {}
  for (const spec of listFlag(args, 'child')) {
    const eq = spec.indexOf('=')
    const given = eq > 0 ? spec.slice(0, eq) : undefined
    const ref = eq > 0 ? spec.slice(eq + 1) : spec
    const hash = ref.lastIndexOf('#')
    const file = hash > 0 ? ref.slice(0, hash) : ref
    const target = await loadTarget(file, cwd, hash > 0 ? ref.slice(hash + 1) : undefined)
    if (!target.ok) {
      throw new UsageError(`--child '${spec}': ${target.diagnostic.message}`)
    }
    const name =
      given ??
      (target.kind === 'asl'
        ? basename(file).replace(/(\.asl)?\.json$/i, '')
        : isDslWorkflow(target.workflow)
          ? target.workflow.toIr().name
          : undefined)
    if (name === undefined) {
      throw new UsageError(
        `--child '${spec}': this state machine has no name of its own. Name it: --child ShipOrder=${ref}.`,
      )
    }
    if (children[name] !== undefined) {
      throw new UsageError(
        `--child '${spec}': a child named '${name}' is already registered. Give one of them another name with Name=file.`,
      )
    }
    children[name] = target.kind === 'asl' ? target.definition : (target.workflow as Runnable)
  }
  return children
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `--mock-config <file> --mock-test-case <name>`: a Step Functions Local MockConfigFile, checked
 * here (its shape, the state machine and the test case) so that a mistake is one clear line
 * rather than an execution that cannot start.
 */
async function readMockConfig(
  args: ParsedArgs,
  cwd: string,
  machineName: string,
): Promise<
  | { ok: true; options: { mockConfig?: MockConfigFile; mockTestCase?: string } }
  | { ok: false; diagnostic: Diagnostic }
> {
  const file = stringFlag(args, 'mock-config')
  const testCase = stringFlag(args, 'mock-test-case')
  if (file === undefined && testCase === undefined) return { ok: true, options: {} }
  if (file === undefined || testCase === undefined) {
    throw new UsageError(
      file === undefined
        ? `--mock-test-case '${testCase}' needs --mock-config <file>: the MockConfigFile that defines it.`
        : `--mock-config '${file}' needs --mock-test-case <name>: which of its TestCases to run.`,
    )
  }
  const read = await readJsonFile(
    resolve(cwd, file),
    file,
    'Fix the syntax: it must be a Step Functions Local MockConfigFile ({ "StateMachines": …, "MockedResponses": … }).',
  )
  if (!read.ok) return read
  const problem = (message: string): { ok: false; diagnostic: Diagnostic } => ({
    ok: false,
    diagnostic: { code: 'SFN313', severity: 'error', path: '/', file, message },
  })
  const config = read.value
  if (
    !isObject(config) ||
    !isObject(config['StateMachines']) ||
    !isObject(config['MockedResponses'])
  ) {
    return problem(
      `'${file}' is not a Step Functions Local MockConfigFile: it needs the objects "StateMachines" and "MockedResponses".`,
    )
  }
  const machines = config['StateMachines']
  const machine = machines[machineName]
  if (!isObject(machine) || !isObject(machine['TestCases'])) {
    const known = Object.keys(machines)
    return problem(
      `'${file}' has no state machine '${machineName}' with TestCases (it has ${known.length === 0 ? 'none' : known.map((n) => `'${n}'`).join(', ')}). Add it under StateMachines, or pass --name <its name in the file>.`,
    )
  }
  try {
    mocksFromConfig(config as unknown as MockConfigFile, machineName, testCase)
  } catch (error) {
    const known = Object.keys(machine['TestCases'])
    const cases = known.length === 0 ? '' : ` Its test cases: ${known.join(', ')}.`
    return problem(`${(error as Error).message.replace(/^The mock config/, `'${file}'`)}${cases}`)
  }
  return {
    ok: true,
    options: { mockConfig: config as unknown as MockConfigFile, mockTestCase: testCase },
  }
}

interface SchemaLike {
  safeParse(value: unknown): {
    success: boolean
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }
  }
}

/**
 * Why `input` does not fit the DSL workflow's input schema (its zod schema, which the workflow's types
 * assume), or undefined when it fits or there is no schema (hand-written ASL).
 */
function inputMisfit(target: Target & { ok: true }, input: unknown): string | undefined {
  if (target.kind !== 'workflow' || !isDslWorkflow(target.workflow)) return undefined
  const schema = target.workflow.toIr().inputSchema as SchemaLike | undefined
  if (schema === undefined) return undefined
  const result = schema.safeParse(input)
  if (result.success) return undefined
  return (result.error?.issues ?? [])
    .map(
      (issue) =>
        `${issue.path.length === 0 ? '(the input)' : issue.path.map(String).join('.')}: ${issue.message}`,
    )
    .join('; ')
}

/** `statewright run <file>`: executes a workflow (with its local handlers) or any ASL, printing a trace. */
export async function runRun(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length !== 1)
    throw new UsageError("'run' takes one file: a workflow module or an ASL JSON file.")
  const input = await readInput(args, io.cwd)
  const target = await loadTarget(args.positionals[0]!, io.cwd, stringFlag(args, 'export'))
  const json = boolFlag(args, 'json')
  if (!target.ok) {
    if (json) jsonOut(io, { command: 'run', ok: false, diagnostics: [target.diagnostic] })
    else io.stderr(`${diagnosticLine(target.diagnostic, io.cwd)}\n`)
    return 1
  }
  const misfit = boolFlag(args, 'no-input-check') ? undefined : inputMisfit(target, input)
  if (misfit !== undefined) {
    const diagnostic = {
      code: 'SFN314',
      severity: 'error' as const,
      path: '/',
      file: target.label,
      message: `The input does not match the workflow's input schema: ${misfit}. Fix the input, or pass --no-input-check to run it anyway (AWS does not check it).`,
    }
    if (json) jsonOut(io, { command: 'run', ok: false, diagnostics: [diagnostic] })
    else io.stderr(`${diagnosticLine(diagnostic, io.cwd)}\n`)
    return 1
  }
  const type = machineType(args) ?? 'STANDARD'
  const compiled =
    target.kind === 'workflow'
      ? await withNodeStackTraces(() => compile(target.workflow, { type }))
      : undefined
  const diagnostics = compiled
    ? compiled.diagnostics
    : target.kind === 'asl'
      ? locateInFile(validate(target.definition, { type }), target.text, target.label)
      : []
  const errors = diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    if (json) jsonOut(io, { command: 'run', ok: false, diagnostics })
    else
      for (const d of errors)
        io.stderr(
          `${diagnosticLine({ ...d, ...(d.file || d.source ? {} : { file: target.label }) }, io.cwd)}\n`,
        )
    return 1
  }
  // Warnings do not stop a local run, but they are what would bite in AWS: show them first.
  if (!json) {
    for (const d of diagnostics) {
      const located = d.file || d.source ? d : { ...d, file: target.label }
      io.stderr(`${diagnosticLine(located, io.cwd)}\n`)
    }
  }
  const out = stringFlag(args, 'out')
  if (out !== undefined && compiled) {
    await mkdir(resolve(io.cwd, out), { recursive: true })
    const file = join(resolve(io.cwd, out), `${compiled.name}.asl.json`)
    await writeFile(file, await emitAsl(compiled.asl))
    // Inside the working directory a relative path reads best; elsewhere the absolute one is clearer.
    const inside = file.startsWith(resolve(io.cwd) + sep)
    if (!json) io.stdout(`wrote ${inside ? relative(io.cwd, file) : file}\n`)
  }
  const lines: string[] = []
  const scopes = new TraceScopes()
  const onEvent = (event: HistoryEvent): void => {
    const scope = scopes.place(event)
    const line = traceLine(event, scope.depth, scope.tag)
    if (line === undefined) return
    if (json) lines.push(line)
    else io.stdout(`${line}\n`)
  }
  const callbackOutput = stringFlag(args, 'callback-output')
  const answer =
    callbackOutput === undefined
      ? undefined
      : parseJsonText(callbackOutput, '--callback-output', 'Give the task output as JSON.')
  if (answer !== undefined && !answer.ok) throw new UsageError(answer.diagnostic.message)
  const stateMachines = await loadChildren(args, io.cwd)
  // The name a MockConfigFile lists it under: --name, the workflow's, or an ASL file's without .asl.json.
  const machineName =
    stringFlag(args, 'name') ??
    compiled?.name ??
    (target.kind === 'asl' ? basename(target.label).replace(/(\.asl)?\.json$/i, '') : undefined)
  const mocked = await readMockConfig(args, io.cwd, machineName ?? 'LocalStateMachine')
  if (!mocked.ok) {
    if (json) jsonOut(io, { command: 'run', ok: false, diagnostics: [mocked.diagnostic] })
    else io.stderr(`${diagnosticLine(mocked.diagnostic, io.cwd)}\n`)
    return 1
  }
  const s3Folder = stringFlag(args, 's3')
  const s3 = s3Folder === undefined ? undefined : new LocalFolderS3(resolve(io.cwd, s3Folder))
  let result
  try {
    const handle = startExecution(
      target.kind === 'workflow' ? (target.workflow as Runnable) : target.definition,
      input as JsonValue,
      {
        onEvent,
        stateMachineType: type,
        ...(machineName !== undefined ? { stateMachineName: machineName } : {}),
        ...mocked.options,
        ...(s3 ? { s3 } : {}),
        // None given: the runtime then fails the task with States.Runtime saying a child is missing.
        ...(Object.keys(stateMachines).length > 0 ? { stateMachines } : {}),
      },
    )
    // Nobody else can answer a .waitForTaskToken task here: answer it with --callback-output, or
    // stop the execution with a message instead of waiting forever.
    const answerCallbacks = async (): Promise<void> => {
      for (;;) {
        const token = await handle.nextTaskToken()
        if (answer?.ok) {
          handle.sendTaskSuccess(token, answer.value)
          continue
        }
        const note =
          'A task waits for a task token, which statewright run cannot send. Pass --callback-output <json> to answer callbacks with SendTaskSuccess.'
        handle.stop('Statewright.CallbackNotAnswered', note)
        return
      }
    }
    // nextTaskToken() rejects once the execution has ended: that ends this loop, nothing more.
    answerCallbacks().catch(() => undefined)
    result = await handle.done
  } catch (error) {
    const message = `The execution of '${target.label}' could not start: ${(error as Error).message}`
    if (json)
      jsonOut(io, {
        command: 'run',
        ok: false,
        diagnostics: [{ code: 'SFN310', severity: 'error', path: '/', message }],
      })
    else io.stderr(`error SFN310 /: ${message}\n`)
    return 1
  }
  const seconds = (result.elapsedMs / 1000).toFixed(3)
  if (json) {
    jsonOut(io, {
      command: 'run',
      ok: result.status === 'SUCCEEDED',
      status: result.status,
      ...(result.output !== undefined ? { output: result.output } : {}),
      ...(result.error !== undefined ? { error: result.error } : {}),
      ...(result.cause !== undefined ? { cause: result.cause } : {}),
      elapsedMs: result.elapsedMs,
      trace: lines,
      diagnostics,
    })
  } else {
    const tail =
      result.status === 'SUCCEEDED'
        ? `output: ${JSON.stringify(result.output)}`
        : `error: ${result.error ?? '(none)'}${result.cause === undefined ? '' : `\ncause: ${result.cause}`}`
    io.stdout(`${result.status} in ${seconds} s (simulated time)\n${tail}\n`)
    // The runtime's cause names the library's handlers option; from the CLI, tasks are answered by
    // a mock config.
    if (/No local handler for the Task state/.test(result.cause ?? '')) {
      io.stderr(
        `hint: statewright run cannot call this task's service. Answer it from a Step Functions Local mock config: --mock-config <file.json> --mock-test-case <name> (the state machine listed as '${machineName ?? 'LocalStateMachine'}', or pass --name).\n`,
      )
    }
    // A child missing from --child, or not under the name its ARN ends with (then the runtime answers
    // as AWS does for an unknown state machine): locally the fix is almost always --child.
    if (/Register the child|Error Code: StateMachineDoesNotExist/.test(result.cause ?? '')) {
      io.stderr(
        'hint: a task started a state machine that is not registered: pass it with --child <file> (named as its ARN ends, or Name=file).\n',
      )
    }
  }
  return result.status === 'SUCCEEDED' ? 0 : 1
}
