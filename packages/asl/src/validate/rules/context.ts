// What the rule files share: the state being checked, transitions, and the syntax parsers guarded
// so that a pathologically nested input becomes a diagnostic instead of a RangeError.

import type { StateType } from '../../states.ts'
import {
  parseIntrinsic as parseIntrinsicUnguarded,
  parseJsonata as parseJsonataUnguarded,
  parsePath as parsePathUnguarded,
} from '../../syntax/index.ts'
import type {
  ParseIntrinsicResult,
  ParseJsonataResult,
  ParsePathResult,
} from '../../syntax/index.ts'
import type { Scope } from '../checker.ts'
import type { PathSegment } from '../diagnostic.ts'

export type Language = 'JSONPath' | 'JSONata'

export type Path = readonly PathSegment[]

export const MAX_INT = 99_999_999

// The parsers are recursive; a pathologically nested path, call or expression must become a
// diagnostic, never a RangeError escaping the validator.
export const TOO_DEEP = 'it is nested too deeply to parse; simplify it'

export function parsePath(text: string): ParsePathResult {
  try {
    return parsePathUnguarded(text)
  } catch {
    return { ok: false, message: TOO_DEEP, position: 0 }
  }
}

export function parseIntrinsic(text: string): ParseIntrinsicResult {
  try {
    return parseIntrinsicUnguarded(text)
  } catch {
    return { ok: false, message: TOO_DEEP, position: 0 }
  }
}

export function parseJsonata(text: string): ParseJsonataResult {
  try {
    const result = parseJsonataUnguarded(text)
    // jsonata reports its own stack overflow as an ordinary parse error.
    if (!result.ok && /call stack/i.test(result.message)) {
      return {
        ...result,
        message: `The JSONata expression is nested too deeply to parse; simplify it.`,
      }
    }
    return result
  } catch {
    return {
      ok: false,
      code: 'S0000',
      message: 'The JSONata expression is nested too deeply to parse; simplify it.',
      position: 0,
    }
  }
}

/** What the rules know about the state being checked. */
export interface StateCtx {
  readonly name: string
  readonly type: StateType
  readonly path: Path
  readonly language: Language
  readonly scope: Scope
}

/**
 * A transition found in a scope: target name and where it is written, the field `field` of the
 * object at `at`. PERF: the field's own pointer (`at.concat(field)`) is built only to report it.
 */
export interface Transition {
  readonly target: string
  readonly at: Path
  readonly field: 'Next' | 'Default'
}

export type PathKind = 'path' | 'reference' | 'result'
