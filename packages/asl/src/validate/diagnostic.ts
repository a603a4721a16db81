/**
 * One problem found in a state machine definition: our stable code, AWS's code, where it is (an
 * AWS-style JSON pointer such as `/States/Wait/Timestamp`, `/` for the top level) and what to do.
 *
 * @example
 * validateStateMachine({ StartAt: 'A', States: {} })
 * // [{ code: 'SFN208', awsCode: 'MISSING_TRANSITION_TARGET', severity: 'error', path: '/StartAt',
 * //    message: "Missing 'Next' target: A" }]
 */
export interface Diagnostic {
  /** Our stable code (SFN2xx), one per kind of problem; see `DIAGNOSTIC_CODES`. */
  readonly code: DiagnosticCode
  /** AWS's code for the same problem (`SCHEMA_VALIDATION_FAILED`, …); `NOT_CHECKED_BY_AWS` for our own warnings. */
  readonly awsCode: string
  readonly severity: 'error' | 'warning'
  /**
   * AWS-style JSON pointer: `/States/A/Catch[0]/Next`; `/` is the top level, `''` means no location.
   * For text that is not JSON (SFN200) it is the parser's location, as AWS gives it:
   * `[Source: (String)"…"; line: 1, column: 4]`.
   */
  readonly path: string
  /** AWS's wording where known, otherwise a sentence naming the state, the field and the fix. */
  readonly message: string
  /** 1-based line in the definition text, when the definition was given as JSON text. */
  readonly line?: number
  /** 1-based column in the definition text, when the definition was given as JSON text. */
  readonly column?: number
}

/** Options of `validateStateMachine`. */
export interface ValidateOptions {
  /** The state machine type; EXPRESS machines refuse `.sync`, callbacks, activities and Distributed Map. */
  readonly type?: 'STANDARD' | 'EXPRESS'
}

/**
 * Our stable diagnostic codes, each with the AWS code it maps onto and a short title. A code never
 * changes meaning; new kinds of problem get new codes. The validator owns SFN200–SFN249; the
 * compiler's lints use SFN250–SFN299.
 *
 * @example
 * DIAGNOSTIC_CODES.SFN208 // { awsCode: 'MISSING_TRANSITION_TARGET', title: 'transition target does not exist' }
 */
export const DIAGNOSTIC_CODES: Readonly<
  Record<DiagnosticCode, { readonly awsCode: string; readonly title: string }>
> = {
  SFN200: { awsCode: 'INVALID_JSON_DESCRIPTION', title: 'definition text is not JSON' },
  SFN201: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'definition is not a JSON object' },
  SFN202: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'required field missing' },
  SFN203: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'field not supported here' },
  SFN204: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'field has the wrong type or value' },
  SFN205: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'unknown state Type' },
  SFN206: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'mutually exclusive fields' },
  SFN207: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'Next/End missing or both set' },
  SFN208: { awsCode: 'MISSING_TRANSITION_TARGET', title: 'transition target does not exist' },
  SFN209: { awsCode: 'MISSING_TRANSITION_TARGET', title: 'state is not reachable' },
  SFN210: { awsCode: 'MISSING_END_STATE', title: 'no terminal state' },
  SFN211: { awsCode: 'DUPLICATE_STATE_NAME', title: 'state name used twice' },
  SFN212: { awsCode: 'INVALID_STATE_NAME', title: 'state name invalid' },
  SFN213: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'Choice rule malformed' },
  SFN214: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'States.ALL not alone or not last' },
  SFN215: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'invalid JSONPath' },
  SFN216: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'invalid .$ value (path or intrinsic)' },
  SFN217: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'duplicate key after .$ stripping' },
  SFN218: { awsCode: 'INVALID_JSONATA_EXPRESSION', title: 'JSONata expression malformed' },
  SFN219: {
    awsCode: 'UNSUPPORTED_JSONATA_EXPRESSION',
    title: 'JSONata reads the input implicitly',
  },
  SFN220: { awsCode: 'UNSUPPORTED_JSONATA_EXPRESSION', title: '$states field not available here' },
  SFN221: {
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    title: 'field belongs to the other query language',
  },
  SFN222: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'JSONPath state in a JSONata machine' },
  SFN223: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'invalid variable name' },
  SFN224: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'inner scope assigns an outer variable' },
  SFN225: { awsCode: 'INVALID_LABEL_NAME', title: 'invalid Map Label' },
  SFN226: { awsCode: 'DUPLICATE_LABEL_NAME', title: 'Map Label used twice' },
  SFN227: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'not supported by EXPRESS machines' },
  SFN228: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'resource ARN not recognized' },
  SFN229: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'timestamp is not RFC 3339' },
  SFN230: { awsCode: 'TOO_DEEPLY_NESTED', title: 'definition nested too deeply' },
  SFN231: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'definition is not a JSON tree' },
  SFN232: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'value out of range' },
  SFN233: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'value cannot be empty' },
  SFN234: { awsCode: 'SCHEMA_VALIDATION_FAILED', title: 'ResultPath reads context or variable' },
  SFN240: { awsCode: 'NO_DOLLAR', title: 'path or intrinsic in a field without .$ (warning)' },
  SFN241: { awsCode: 'PASS_RESULT_IS_STATIC', title: 'path in a Pass Result (warning)' },
  SFN242: { awsCode: 'NOT_CHECKED_BY_AWS', title: 'variable read but never assigned (warning)' },
  SFN243: {
    awsCode: 'NOT_CHECKED_BY_AWS',
    title: 'Distributed Map child reads a parent variable (warning)',
  },
  SFN244: {
    awsCode: 'NOT_CHECKED_BY_AWS',
    title: 'intrinsic call that fails when it runs (warning)',
  },
}

/** One of our stable codes (`'SFN208'`, …); `DIAGNOSTIC_CODES` says what each means. */
export type DiagnosticCode =
  | 'SFN200'
  | 'SFN201'
  | 'SFN202'
  | 'SFN203'
  | 'SFN204'
  | 'SFN205'
  | 'SFN206'
  | 'SFN207'
  | 'SFN208'
  | 'SFN209'
  | 'SFN210'
  | 'SFN211'
  | 'SFN212'
  | 'SFN213'
  | 'SFN214'
  | 'SFN215'
  | 'SFN216'
  | 'SFN217'
  | 'SFN218'
  | 'SFN219'
  | 'SFN220'
  | 'SFN221'
  | 'SFN222'
  | 'SFN223'
  | 'SFN224'
  | 'SFN225'
  | 'SFN226'
  | 'SFN227'
  | 'SFN228'
  | 'SFN229'
  | 'SFN230'
  | 'SFN231'
  | 'SFN232'
  | 'SFN233'
  | 'SFN234'
  | 'SFN240'
  | 'SFN241'
  | 'SFN242'
  | 'SFN243'
  | 'SFN244'

/** A path segment: an object key, or an array index (rendered `[i]` as AWS does). */
export type PathSegment = string | number

/**
 * Renders segments the way AWS locates problems: `/States/C/Choices[0]/Next`; `/` for none.
 *
 * @example
 * formatPath(['States', 'C', 'Choices', 0, 'Next']) // '/States/C/Choices[0]/Next'
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = ''
  for (const segment of segments)
    out += typeof segment === 'number' ? `[${segment}]` : `/${segment}`
  return out === '' ? '/' : out
}
