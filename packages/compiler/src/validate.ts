import type { AslStateMachine } from '@statewright/asl'
import { runValidator } from './adapters.ts'
import { collectStates, isRecord, jsonDepth, MAX_JSON_DEPTH } from './asl/walk.ts'
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts'
import { LINTS, type LintCode, type LintThresholds } from './rules/index.ts'
import { findPlaceholders, withStandIns } from './substitutions.ts'

/** Options of `validate()`. */
export interface ValidateOptions {
  /** The state machine type; EXPRESS refuses `.sync`, callbacks, activities and Distributed Map. */
  readonly type?: 'STANDARD' | 'EXPRESS'
  /** Switch lints off (`{ SFN256: false }`), or all of them (`false`). All are on by default. */
  readonly lints?: Partial<Record<LintCode, boolean>> | false
  readonly thresholds?: LintThresholds
  /** JSON Schema of the execution input; lets SFN255 see how large input arrays can be. */
  readonly inputSchema?: unknown
}

const DEFAULT_THRESHOLDS: Required<LintThresholds> = {
  maxCatchAllAttempts: 10,
  maxCatchAllRetrySeconds: 86_400,
}

// A lint that restates an error the validator already reports at the same place adds nothing
// (SFN251 is the validator's SFN232 when both values are literals; the lint stays for definitions
// checked without the validator's range rule).
function withoutRepeats(found: readonly Diagnostic[]): Diagnostic[] {
  const errorPaths = new Set(found.filter((d) => d.severity === 'error').map((d) => d.path))
  return found.filter((d) => !(d.code === 'SFN251' && errorPaths.has(d.path)))
}

/** @internal The validator, then the lints; shared by `validate()` and `compile()`. */
export function validateDefinition(
  definition: unknown,
  options: ValidateOptions = {},
  depthChecked = false,
): Diagnostic[] {
  // A caller that scanned the definition already (`compile()`) has checked its depth.
  if (!depthChecked && jsonDepth(definition, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return [
      {
        code: 'SFN303',
        severity: 'error',
        path: '/',
        message:
          `The definition is nested more than ${MAX_JSON_DEPTH} levels deep, so it cannot be checked ` +
          'or deployed safely. Flatten it: move deep branches or payloads into separate state machines.',
      },
    ]
  }
  const found: Diagnostic[] = [...runValidator(definition, options.type ?? 'STANDARD')]
  if (options.lints !== false && isRecord(definition) && isRecord(definition['States'])) {
    const context = {
      definition: definition as unknown as AslStateMachine,
      states: collectStates(definition),
      thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
      ...(options.inputSchema === undefined ? {} : { inputSchema: options.inputSchema }),
    }
    for (const [code, rule] of Object.entries(LINTS) as [LintCode, (typeof LINTS)[LintCode]][]) {
      if (options.lints?.[code] === false) continue
      found.push(...rule(context))
    }
  }
  return sortDiagnostics(withoutRepeats(found))
}

/**
 * Checks any ASL definition, ours or hand-written: every rule AWS applies at CreateStateMachine
 * (errors), then the lints (warnings). All problems come back at once. `${Name}` placeholders
 * (CloudFormation/SAM DefinitionSubstitutions, Terraform templatefile) are checked as the ARNs they
 * will become, since AWS only ever sees the substituted definition.
 * @example
 * validate({ StartAt: 'Wait', States: { Wait: { Type: 'Task',
 *   Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } })
 * // [{ code: 'SFN250', severity: 'warning', path: '/States/Wait', message: "Task 'Wait' waits for a task token …" }]
 */
export function validate(definition: unknown, options: ValidateOptions = {}): Diagnostic[] {
  if (!isRecord(definition) || jsonDepth(definition, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return validateDefinition(definition, options)
  }
  const asl = definition as unknown as AslStateMachine
  return validateDefinition(withStandIns(asl, findPlaceholders(asl)), options)
}
