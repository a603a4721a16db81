import { STATE_TYPES, type JsonValue } from '@statewright/asl'
import { isJsonObject } from './json.ts'

/** A problem with a definition, as DefinitionError lists it. */
export interface DefinitionProblem {
  readonly code: string
  /** The validator's rule code (SFN2xx) when the problem comes from `validateStateMachine`. */
  readonly rule?: string
  readonly path: string
  readonly message: string
}

/**
 * @internal The shape checks the runtime needs to run a definition safely (StartAt/States, known Types,
 * transitions that exist in their own scope, nested Branches/ItemProcessor). The full AWS rule set lives
 * in the validator (`validateStateMachine` of `@statewright/asl`).
 */
export function checkShape(definition: JsonValue): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  if (!isJsonObject(definition)) {
    problems.push({
      code: 'SFN401',
      path: '/',
      message: 'The definition is not a JSON object. Pass an object with StartAt and States.',
    })
    return problems
  }
  checkScope(definition, '', problems)
  return problems
}

function checkScope(
  scope: { [key: string]: JsonValue },
  at: string,
  problems: DefinitionProblem[],
): void {
  const states = scope.States
  if (!isJsonObject(states)) {
    problems.push({
      code: 'SFN402',
      path: `${at}/States`,
      message: 'States is missing or not an object. Add the states of this scope.',
    })
    return
  }
  if (typeof scope.StartAt !== 'string') {
    problems.push({
      code: 'SFN402',
      path: `${at}/StartAt`,
      message: 'StartAt is missing or not a string. Name the first state.',
    })
  } else if (!Object.hasOwn(states, scope.StartAt)) {
    problems.push({
      code: 'SFN403',
      path: `${at}/StartAt`,
      message: `StartAt names '${scope.StartAt}', which is not a state of this scope. Name an existing state.`,
    })
  }
  const target = (name: JsonValue | undefined, path: string): void => {
    if (typeof name !== 'string' || !Object.hasOwn(states, name)) {
      problems.push({
        code: 'SFN403',
        path,
        message: `Missing 'Next' target: ${JSON.stringify(name)}. Name a state of the same scope.`,
      })
    }
  }
  for (const [name, state] of Object.entries(states)) {
    const path = `${at}/States/${name}`
    if (!isJsonObject(state)) {
      problems.push({ code: 'SFN404', path, message: `State '${name}' is not an object.` })
      continue
    }
    const type = state.Type
    if (typeof type !== 'string' || !(STATE_TYPES as readonly string[]).includes(type)) {
      problems.push({
        code: 'SFN405',
        path: `${path}/Type`,
        message: `State '${name}' has Type ${JSON.stringify(type)}; it should be one of ${STATE_TYPES.join(', ')}.`,
      })
      continue
    }
    if (type === 'Choice') {
      const choices = state.Choices
      if (!Array.isArray(choices) || choices.length === 0) {
        problems.push({
          code: 'SFN406',
          path: `${path}/Choices`,
          message: `Choice state '${name}' needs a non-empty Choices array.`,
        })
      } else {
        choices.forEach((rule, i) =>
          target(isJsonObject(rule) ? rule.Next : undefined, `${path}/Choices/${i}/Next`),
        )
      }
      if (state.Default !== undefined) target(state.Default, `${path}/Default`)
    } else if (type !== 'Succeed' && type !== 'Fail') {
      if (state.End === true) {
        if (state.Next !== undefined)
          problems.push({
            code: 'SFN407',
            path,
            message: `State '${name}' has both Next and End. Keep one.`,
          })
      } else if (state.Next === undefined) {
        problems.push({
          code: 'SFN407',
          path,
          message: `State '${name}' has neither Next nor "End": true. Add one.`,
        })
      } else target(state.Next, `${path}/Next`)
    }
    if (Array.isArray(state.Catch)) {
      state.Catch.forEach((c, i) =>
        target(isJsonObject(c) ? c.Next : undefined, `${path}/Catch/${i}/Next`),
      )
    }
    if (type === 'Task' && typeof state.Resource !== 'string') {
      problems.push({
        code: 'SFN408',
        path: `${path}/Resource`,
        message: `Task state '${name}' needs a Resource string.`,
      })
    }
    if (type === 'Parallel') {
      if (!Array.isArray(state.Branches) || state.Branches.length === 0) {
        problems.push({
          code: 'SFN409',
          path: `${path}/Branches`,
          message: `Parallel state '${name}' needs a non-empty Branches array.`,
        })
      } else {
        state.Branches.forEach((b, i) => {
          if (isJsonObject(b)) checkScope(b, `${path}/Branches/${i}`, problems)
          else
            problems.push({
              code: 'SFN409',
              path: `${path}/Branches/${i}`,
              message: 'A branch must be an object with StartAt and States.',
            })
        })
      }
    }
    if (type === 'Map') {
      const processor = state.ItemProcessor ?? state.Iterator
      if (!isJsonObject(processor)) {
        problems.push({
          code: 'SFN409',
          path: `${path}/ItemProcessor`,
          message: `Map state '${name}' needs an ItemProcessor with StartAt and States.`,
        })
      } else
        checkScope(
          processor,
          `${path}/${state.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator'}`,
          problems,
        )
    }
  }
}
