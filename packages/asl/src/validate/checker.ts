import {
  DIAGNOSTIC_CODES,
  formatPath,
  type Diagnostic,
  type DiagnosticCode,
  type PathSegment,
} from './diagnostic.ts'

/** A plain JSON object (not null, not an array). */
export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

/** Own keys only: a `__proto__` key in parsed JSON is data, never the prototype. */
export function has(object: JsonRecord, key: string): boolean {
  return Object.hasOwn(object, key)
}

/** One `States` object: the top level, a Parallel branch or a Map processor. */
export interface Scope {
  readonly id: number
  readonly parent: Scope | undefined
  /** Distributed Map children run as separate executions: outer variables are out of reach. */
  readonly isolated: boolean
  readonly path: readonly PathSegment[]
  /** Variable name → path of its first assignment in this scope (states and Choice rules). */
  readonly assigned: Map<string, readonly PathSegment[]>
  /** Every name assigned by the states of this scope, catchers included. */
  readonly assignedHere: Set<string>
}

/** Collects diagnostics and what the rules share while walking one definition. */
export class Checker {
  readonly diagnostics: Diagnostic[] = []
  readonly type: 'STANDARD' | 'EXPRESS'
  topLanguage: 'JSONPath' | 'JSONata' = 'JSONPath'
  /** State name → path of its first definition, machine-wide. */
  readonly stateNames: Map<string, readonly PathSegment[]> = new Map()
  /** Map Label → path of its first use. */
  readonly labels: Map<string, readonly PathSegment[]> = new Map()
  /** State name → variables it reads (DescribeStateMachine's variableReferences). */
  readonly variableReferences: Map<string, Set<string>> = new Map()
  /** The scope each state lives in, by state name. */
  readonly stateScopes: Map<string, Scope> = new Map()
  /** Every variable name some Assign (state, Choice rule or catcher) sets, machine-wide. */
  readonly assignedAnywhere: Set<string> = new Set()
  readonly scopes: Scope[] = []

  constructor(type: 'STANDARD' | 'EXPRESS') {
    this.type = type
  }

  report(
    code: DiagnosticCode,
    path: readonly PathSegment[] | '',
    message: string,
    severity: 'error' | 'warning' = 'error',
  ): void {
    this.diagnostics.push({
      code,
      awsCode: DIAGNOSTIC_CODES[code].awsCode,
      severity,
      path: path === '' ? '' : formatPath(path),
      message,
    })
  }

  newScope(parent: Scope | undefined, path: readonly PathSegment[], isolated: boolean): Scope {
    const scope: Scope = {
      id: this.scopes.length,
      parent,
      isolated,
      path,
      assigned: new Map(),
      assignedHere: new Set(),
    }
    this.scopes.push(scope)
    return scope
  }

  addReference(stateName: string, variable: string): void {
    let set = this.variableReferences.get(stateName)
    if (set === undefined) {
      set = new Set()
      this.variableReferences.set(stateName, set)
    }
    set.add(variable)
  }
}
