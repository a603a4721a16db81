/**
 * TestState's request rules, checked before anything runs, in the order AWS applies them (as far as
 * the recorded answers show it): the mock's own fields, the definition, the state a mock may replace,
 * the mocked result's JSON and shape, Map iteration failure counts, the Context Object.
 */
import {
  formatAwsInvalidDefinition,
  validateStateMachine,
  type AslState,
  type AslStateMachine,
  type JsonValue,
  type QueryLanguage,
} from '@statewright/asl'
import { isJsonObject, NotJsonError, parseJson, toJsonValue, type JsonObject } from '../json.ts'
import { parseResource } from '../tasks/resource.ts'
import { invalidRequest, TestStateRejected } from './rejection.ts'
import { checkShape, modelFor } from './service-models.ts'
import type { TestStateRequest } from './types.ts'

/** The name AWS gives a state tested on its own (and reports in `$$.State.Name`). */
export const TESTED_STATE_NAME = 'StateName'

/** A request that passed every rule, with its JSON parsed. */
export interface TestStatePlan {
  readonly state: AslState
  readonly rootLanguage: QueryLanguage
  readonly input: JsonValue
  readonly variables: JsonObject
  readonly context: JsonObject | undefined
  /** The parsed mocked result; undefined without one. */
  readonly mockResult: JsonValue | undefined
  readonly mockError: { readonly error: string; readonly cause: string | undefined } | undefined
  readonly mapIterationFailureCount: number | undefined
  readonly mapItemReaderData: string | undefined
  readonly retryCount: number
}

/** States that refuse a mock (AWS accepts one, and has no use for it, on Choice and Wait). */
const REFUSES_MOCK = new Set(['Pass', 'Fail', 'Succeed'])

/**
 * Checks a TestState request like AWS; throws TestStateRejected with AWS's message. With local task
 * handlers an unmocked Task needs no role (AWS requires one to call the real service).
 */
export function prepareTestState(
  request: TestStateRequest,
  local: { readonly handlers: boolean } = { handlers: false },
): TestStatePlan {
  checkEnum(request.inspectionLevel, 'inspectionLevel', ['INFO', 'TRACE', 'DEBUG'])
  checkEnum(request.mock?.fieldValidationMode, 'mock.fieldValidationMode', [
    'STRICT',
    'PRESENT',
    'NONE',
  ])
  checkCount(request.stateConfiguration?.mapIterationFailureCount, 'mapIterationFailureCount')
  checkCount(request.stateConfiguration?.retrierRetryCount, 'retrierRetryCount')
  const mock = request.mock
  const { state, rootLanguage } = resolveState(request)
  const mocked = mock !== undefined && (mock.result !== undefined || mock.errorOutput !== undefined)
  if (request.stateConfiguration?.mapIterationFailureCount !== undefined && !mocked) {
    throw invalidRequest(
      'TestState does not support MapIterationFailureCount when a mock is not specified.',
    )
  }
  if (!mocked && (state.Type === 'Map' || state.Type === 'Parallel')) {
    // AWS's literal answer, the same for both types.
    throw new TestStateRejected(
      'InvalidDefinition',
      'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    )
  }
  if (mock !== undefined && REFUSES_MOCK.has(state.Type)) {
    throw invalidRequest(`State type '${state.Type}' is not supported when a mock is specified`)
  }
  if (mock !== undefined && request.revealSecrets === true) {
    throw invalidRequest('TestState does not support RevealSecrets when a mock is specified.')
  }
  if (mock !== undefined && mock.result !== undefined && mock.errorOutput !== undefined) {
    throw invalidRequest(
      'A test mock should have only one of the following fields: [result, errorOutput].',
    )
  }
  let mockResult: JsonValue | undefined
  if (mock?.result !== undefined) {
    try {
      mockResult = parseJson(mock.result)
    } catch {
      throw invalidRequest('Mocked result must be valid JSON')
    }
    // A Map with a ResultWriter answers with the writer's details, an object.
    if (state.Type === 'Map' && state.ResultWriter !== undefined && !isJsonObject(mockResult)) {
      throw invalidRequest('Mocked result must be a JSON object.')
    }
    if (
      (state.Type === 'Parallel' || (state.Type === 'Map' && state.ResultWriter === undefined)) &&
      !Array.isArray(mockResult)
    ) {
      throw invalidRequest('Mocked result must be an array.')
    }
    if (
      state.Type === 'Parallel' &&
      Array.isArray(mockResult) &&
      mockResult.length !== state.Branches.length
    ) {
      throw invalidRequest(
        'Mocked result must contain the same number of items as number of Parallel branches.',
      )
    }
  }
  const config = request.stateConfiguration ?? {}
  const failureCount = config.mapIterationFailureCount
  if (failureCount !== undefined) {
    if (state.Type !== 'Map') {
      throw invalidRequest('MapIterationFailureCount can only be set when testing a Map state.')
    }
    if (Array.isArray(mockResult) && failureCount > mockResult.length) {
      throw invalidRequest(
        'Map iteration failure count must be less than or equal to the number of Map iterations',
      )
    }
  }
  if (
    config.mapItemReaderData !== undefined &&
    (state.Type !== 'Map' || state.ItemReader === undefined)
  ) {
    throw invalidRequest(
      'MapItemReaderData can only be set when testing a Map state with an ItemReader.',
    )
  }
  if (config.errorCausedByState !== undefined)
    checkErrorCausedByState(state, config.errorCausedByState)
  if (state.Type === 'Task' && !mocked && request.roleArn === undefined && !local.handlers) {
    throw invalidRequest('RoleArn must be specified when testing a Task state')
  }
  const context = request.context === undefined ? undefined : checkContext(request.context, state)
  // A `null` result (the service answered nothing) has nothing to check.
  if (
    mockResult !== undefined &&
    mockResult !== null &&
    state.Type === 'Task' &&
    mock?.fieldValidationMode !== 'NONE'
  ) {
    const model = modelFor(state.Resource)
    if (model !== undefined) {
      const problem = checkShape(
        mockResult,
        model,
        'result',
        mock?.fieldValidationMode !== 'PRESENT',
      )
      if (problem !== undefined) {
        throw invalidRequest(`Mock result schema validation error: ${problem}`)
      }
    }
  }
  return {
    state,
    rootLanguage,
    input: jsonOf(request.input ?? {}, 'input'),
    variables: variablesOf(request.variables),
    context,
    mockResult,
    mockError:
      mock?.errorOutput !== undefined
        ? { error: mock.errorOutput.error ?? '', cause: mock.errorOutput.cause }
        : undefined,
    mapIterationFailureCount: failureCount,
    mapItemReaderData: config.mapItemReaderData,
    retryCount: config.retrierRetryCount ?? 0,
  }
}

/** An enum parameter, refused in the wording of AWS's request validation. */
function checkEnum(value: unknown, field: string, allowed: readonly string[]): void {
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return
  throw invalidRequest(
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
  )
}

/** A count in `stateConfiguration`: an integer of at least 0 (the API model's range). */
function checkCount(value: unknown, field: string): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidRequest(
      `1 validation error detected: Value '${String(value)}' at 'stateConfiguration.${field}' failed to satisfy constraint: Member must be an integer`,
    )
  }
  if (value < 0) {
    throw invalidRequest(
      `1 validation error detected: Value '${value}' at 'stateConfiguration.${field}' failed to satisfy constraint: Member must have value greater than or equal to 0`,
    )
  }
}

/**
 * The state to test. A single state is checked as the only state of a machine, named `StateName`
 * (AWS reports its problems at `/States/StateName/…`); its transitions point outside that machine, so
 * missing targets and a missing end state are not problems here.
 */
function resolveState(request: TestStateRequest): { state: AslState; rootLanguage: QueryLanguage } {
  const definition = definitionOf(request.definition)
  if (request.stateName !== undefined) {
    // Any state of the machine, also one inside a Map's processor or a Parallel branch.
    const found = isJsonObject(definition) ? findState(definition, request.stateName, 0) : undefined
    if (found === undefined) throw invalidRequest('State not found in definition')
    rejectInvalid(validateStateMachine(definition).filter((d) => d.severity === 'error'))
    const machine = definition as unknown as AslStateMachine
    return { state: found, rootLanguage: machine.QueryLanguage ?? 'JSONPath' }
  }
  const wrapped = { StartAt: TESTED_STATE_NAME, States: { [TESTED_STATE_NAME]: definition } }
  rejectInvalid(
    validateStateMachine(wrapped).filter(
      (d) =>
        d.severity === 'error' &&
        !(
          d.code === 'SFN208' &&
          d.path.startsWith(`/States/${TESTED_STATE_NAME}/`) &&
          !d.path.includes('/Branches') &&
          !d.path.includes('/ItemProcessor') &&
          !d.path.includes('/Iterator')
        ) &&
        d.code !== 'SFN210',
    ),
  )
  return { state: definition as unknown as AslState, rootLanguage: 'JSONPath' }
}

/** The state named `name` in `scope`'s States or any nested processor/branch, depth first. */
function findState(scope: JsonObject, name: string, depth: number): AslState | undefined {
  const states = scope.States
  // The validator caps nesting too; this keeps a hostile definition from exhausting the stack.
  if (!isJsonObject(states) || depth > 1000) return undefined
  if (Object.hasOwn(states, name) && isJsonObject(states[name])) {
    return states[name] as unknown as AslState
  }
  for (const state of Object.values(states)) {
    if (!isJsonObject(state)) continue
    const nested = [
      state.ItemProcessor,
      state.Iterator,
      ...(Array.isArray(state.Branches) ? state.Branches : []),
    ]
    for (const child of nested) {
      const found = isJsonObject(child) ? findState(child, name, depth + 1) : undefined
      if (found !== undefined) return found
    }
  }
  return undefined
}

function rejectInvalid(problems: ReturnType<typeof validateStateMachine>): void {
  if (problems.length > 0) {
    throw new TestStateRejected('InvalidDefinition', formatAwsInvalidDefinition(problems))
  }
}

function definitionOf(definition: unknown): JsonValue {
  if (typeof definition === 'string') {
    try {
      return parseJson(definition)
    } catch (error) {
      throw new TestStateRejected(
        'InvalidDefinition',
        `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(error as Error).message}'`,
      )
    }
  }
  return jsonOf(definition, 'definition')
}

function jsonOf(value: unknown, field: string): JsonValue {
  try {
    return toJsonValue(value)
  } catch (error) {
    const why = error instanceof NotJsonError ? error.message : String(error)
    throw invalidRequest(`The ${field} is not JSON: ${why}. Pass JSON data.`)
  }
}

function variablesOf(variables: unknown): JsonObject {
  if (variables === undefined) return {}
  const value = jsonOf(variables, 'variables')
  if (!isJsonObject(value)) throw invalidRequest('Variables must be a JSON object.')
  return value
}

/** A mocked error must come from a state inside the tested Map or Parallel. */
function checkErrorCausedByState(state: AslState, name: string): void {
  const scopes =
    state.Type === 'Map'
      ? [state.ItemProcessor ?? state.Iterator]
      : state.Type === 'Parallel'
        ? state.Branches
        : []
  const found = scopes.some((scope) => scope !== undefined && containsState(scope.States, name))
  if (!found) {
    throw invalidRequest(
      state.Type === 'Map' || state.Type === 'Parallel'
        ? `ErrorCausedByState '${name}' is not a state of the ${state.Type} state's processor.`
        : 'ErrorCausedByState can only be set when testing a Map or Parallel state.',
    )
  }
}

function containsState(states: Readonly<Record<string, AslState>>, name: string): boolean {
  for (const [key, state] of Object.entries(states)) {
    if (key === name) return true
    const nested =
      state.Type === 'Map'
        ? [state.ItemProcessor ?? state.Iterator]
        : state.Type === 'Parallel'
          ? state.Branches
          : []
    if (nested.some((scope) => scope !== undefined && containsState(scope.States, name)))
      return true
  }
  return false
}

/** The Context Object fields a test may set, with the type AWS requires of each. */
const CONTEXT_FIELDS: Readonly<
  Record<string, Readonly<Record<string, 'string' | 'integer' | 'any'>>>
> = {
  Execution: {
    Id: 'string',
    Input: 'any',
    Name: 'string',
    RoleArn: 'string',
    StartTime: 'string',
    RedriveCount: 'integer',
    RedriveTime: 'string',
  },
  State: { EnteredTime: 'string', Name: 'string', RetryCount: 'integer' },
  StateMachine: { Id: 'string', Name: 'string' },
  Task: { Token: 'string' },
}

/** Checks a given Context Object the way AWS does (corpus: test_state_context_object). */
function checkContext(context: unknown, state: AslState): JsonObject {
  const value = jsonOf(context, 'context')
  const refuse = (why: string): TestStateRejected =>
    invalidRequest(`Invalid Context object provided: ${why}`)
  if (!isJsonObject(value)) throw refuse('the Context object must be a JSON object')
  for (const [section, fields] of Object.entries(value)) {
    if (section === 'Map')
      throw refuse("'Map' field is not supported when mocking a Context object")
    const allowed = Object.hasOwn(CONTEXT_FIELDS, section) ? CONTEXT_FIELDS[section] : undefined
    if (allowed === undefined) throw refuse(`Field '${section}' is not allowed`)
    if (!isJsonObject(fields)) throw refuse(`${section} must be an object`)
    for (const [field, fieldValue] of Object.entries(fields)) {
      const type = Object.hasOwn(allowed, field) ? allowed[field] : undefined
      if (type === undefined) throw refuse(`Field '${field}' is not allowed`)
      if (type === 'string' && typeof fieldValue !== 'string')
        throw refuse(`${section}.${field} must be a string`)
      if (type === 'integer' && !(typeof fieldValue === 'number' && Number.isInteger(fieldValue)))
        throw refuse(`${section}.${field} must be an integer`)
    }
  }
  if (Object.hasOwn(value, 'Task')) {
    const resource = state.Type === 'Task' ? parseResource(state.Resource) : undefined
    const tokenTask =
      resource !== undefined &&
      ((resource.kind === 'service' && resource.pattern !== 'request-response') ||
        resource.kind === 'activity')
    if (!tokenTask) {
      throw refuse(
        "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern",
      )
    }
  }
  return value
}
