import type { AslStateMachine } from '@statewright/asl'
import type { SubstitutionInfo } from './adapters.ts'
import { isRecord } from './asl/walk.ts'

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/** Applies `replace` to every string of a JSON value, keys excluded (iterative: no stack limit). */
function mapStrings(value: unknown, replace: (text: string) => string): unknown {
  const root: { value: unknown } = { value }
  const stack: { holder: Record<string | number, unknown>; key: string | number }[] = [
    { holder: root as Record<string, unknown>, key: 'value' },
  ]
  while (stack.length > 0) {
    const { holder, key } = stack.pop()!
    const current = holder[key]
    if (typeof current === 'string') holder[key] = replace(current)
    else if (Array.isArray(current)) {
      const copy = [...current]
      holder[key] = copy
      copy.forEach((_, index) =>
        stack.push({ holder: copy as unknown as Record<number, unknown>, key: index }),
      )
    } else if (isRecord(current)) {
      const copy = { ...current }
      holder[key] = copy
      for (const child of Object.keys(copy)) stack.push({ holder: copy, key: child })
    }
  }
  return root.value
}

/**
 * The `${Name}` placeholders a definition already holds (hand-written for CloudFormation, or written
 * by the DSL when the workflow's region and account are unknown), each as `{ kind: 'placeholder' }`.
 * @example
 * findPlaceholders({ StartAt: 'A', States: { A: { Type: 'Task', Resource: '${ChargeArn}', End: true } } })
 * // { ChargeArn: { kind: 'placeholder' } }
 */
export function findPlaceholders(definition: AslStateMachine): Record<string, SubstitutionInfo> {
  const found: Record<string, SubstitutionInfo> = {}
  // Read-only walk (no copies): this runs on every compile.
  const pending: unknown[] = [definition]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value === 'string') {
      if (value.includes('${')) {
        for (const match of value.matchAll(PLACEHOLDER)) found[match[1]!] = { kind: 'placeholder' }
      }
    } else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string' || isObject(item)) pending.push(item)
    } else if (isRecord(value)) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue
        const item = value[key]
        if (typeof item === 'string' || isObject(item)) pending.push(item)
      }
    }
  }
  return sortedByName(found)
}

const sortedByName = (found: Record<string, SubstitutionInfo>): Record<string, SubstitutionInfo> =>
  Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** What `scanDefinition` found in one walk. */
export interface DefinitionScan {
  /** Nested deeper than the limit: `placeholders` is then empty and the depth check must report. */
  readonly tooDeep: boolean
  readonly placeholders: Record<string, SubstitutionInfo>
}

/**
 * @internal `findPlaceholders` and the depth check (`jsonDepth(value, limit) > limit`) in one walk.
 * PERF: a recursion bounded by `limit` (it stops one level past it), so it cannot overflow the stack
 * on a hostile document, and a cycle ends as too deep, as it does for `jsonDepth`.
 */
export function scanDefinition(definition: unknown, limit: number): DefinitionScan {
  const found: Record<string, SubstitutionInfo> = {}
  if (!scanValue(definition, 1, limit, found)) return { tooDeep: true, placeholders: {} }
  return { tooDeep: false, placeholders: sortedByName(found) }
}

// `depth` is the nesting level of `value` if it is an object (the root object is level 1, as in
// `jsonDepth`); false when some object sits deeper than `limit`.
function scanValue(
  value: unknown,
  depth: number,
  limit: number,
  found: Record<string, SubstitutionInfo>,
): boolean {
  if (typeof value === 'string') {
    if (value.includes('${')) {
      for (const match of value.matchAll(PLACEHOLDER)) found[match[1]!] = { kind: 'placeholder' }
    }
    return true
  }
  if (typeof value !== 'object' || value === null) return true
  if (depth > limit) return false
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!scanValue(value[i], depth + 1, limit, found)) return false
    }
    return true
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    if (!scanValue((value as Record<string, unknown>)[key], depth + 1, limit, found)) return false
  }
  return true
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null

/** A value with the same form as what the placeholder will become, so the validator can judge it. */
function standIn(name: string, info: SubstitutionInfo | undefined): string {
  const functionName =
    typeof info?.['functionName'] === 'string' ? info['functionName'] : name.replace(/Arn$/, '')
  return `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`
}

/**
 * @internal The definition with each `${Name}` replaced by a stand-in ARN of the right form: AWS
 * validates the definition after CloudFormation substitutes, so that is the one to check.
 */
export function withStandIns(
  definition: AslStateMachine,
  substitutions: Readonly<Record<string, SubstitutionInfo>>,
): AslStateMachine {
  if (Object.keys(substitutions).length === 0) return definition
  return mapStrings(definition, (text) =>
    text.replace(PLACEHOLDER, (whole, name: string) =>
      name in substitutions ? standIn(name, substitutions[name]) : whole,
    ),
  ) as AslStateMachine
}

/**
 * Fills in placeholders with real values, for tools that take a finished definition (Terraform
 * without templatefile, the AWS CLI). Unknown placeholders are left as they are.
 * @example
 * applySubstitutions(asl, { ChargeArn: 'arn:aws:lambda:eu-west-1:123456789012:function:Charge' })
 */
export function applySubstitutions(
  definition: AslStateMachine,
  values: Readonly<Record<string, string>>,
): AslStateMachine {
  return mapStrings(definition, (text) =>
    text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole),
  ) as AslStateMachine
}
