// Which fields each state type accepts, and in which query language (ASL-SPEC §2.1). `both` fields
// are valid in JSONPath and JSONata states; the others belong to one language only, and AWS refuses
// them in a state of the other language with its own message (see `rules.ts`).

import type { StateType } from '../states.ts'

export type FieldMode = 'both' | 'JSONPath' | 'JSONata'

const COMMON: Readonly<Record<string, FieldMode>> = {
  Type: 'both',
  Comment: 'both',
  QueryLanguage: 'both',
}

const TRANSITION: Readonly<Record<string, FieldMode>> = { Next: 'both', End: 'both' }
const IO: Readonly<Record<string, FieldMode>> = { InputPath: 'JSONPath', OutputPath: 'JSONPath' }
const ERRORS: Readonly<Record<string, FieldMode>> = { Retry: 'both', Catch: 'both' }

/** Allowed fields per state type (beyond Type, Comment, QueryLanguage). */
export const STATE_FIELDS: Readonly<Record<StateType, Readonly<Record<string, FieldMode>>>> = {
  Task: {
    ...COMMON,
    ...TRANSITION,
    ...IO,
    ...ERRORS,
    Assign: 'both',
    Resource: 'both',
    TimeoutSeconds: 'both',
    TimeoutSecondsPath: 'JSONPath',
    HeartbeatSeconds: 'both',
    HeartbeatSecondsPath: 'JSONPath',
    Credentials: 'both',
    Parameters: 'JSONPath',
    ResultSelector: 'JSONPath',
    ResultPath: 'JSONPath',
    Arguments: 'JSONata',
    Output: 'JSONata',
  },
  Pass: {
    ...COMMON,
    ...TRANSITION,
    ...IO,
    Assign: 'both',
    Parameters: 'JSONPath',
    Result: 'JSONPath',
    ResultPath: 'JSONPath',
    Output: 'JSONata',
  },
  Choice: {
    ...COMMON,
    ...IO,
    Assign: 'both',
    Choices: 'both',
    Default: 'both',
    Output: 'JSONata',
  },
  Wait: {
    ...COMMON,
    ...TRANSITION,
    ...IO,
    Assign: 'both',
    Seconds: 'both',
    Timestamp: 'both',
    SecondsPath: 'JSONPath',
    TimestampPath: 'JSONPath',
    Output: 'JSONata',
  },
  Succeed: { ...COMMON, ...IO, Output: 'JSONata' },
  Fail: {
    ...COMMON,
    Error: 'both',
    Cause: 'both',
    ErrorPath: 'JSONPath',
    CausePath: 'JSONPath',
  },
  Parallel: {
    ...COMMON,
    ...TRANSITION,
    ...IO,
    ...ERRORS,
    Assign: 'both',
    Branches: 'both',
    Parameters: 'JSONPath',
    ResultSelector: 'JSONPath',
    ResultPath: 'JSONPath',
    Arguments: 'JSONata',
    Output: 'JSONata',
  },
  Map: {
    ...COMMON,
    ...TRANSITION,
    ...IO,
    ...ERRORS,
    Assign: 'both',
    ItemProcessor: 'both',
    Iterator: 'both',
    ItemSelector: 'both',
    ItemReader: 'both',
    ItemBatcher: 'both',
    ResultWriter: 'both',
    MaxConcurrency: 'both',
    ToleratedFailureCount: 'both',
    ToleratedFailurePercentage: 'both',
    Label: 'both',
    ItemsPath: 'JSONPath',
    Parameters: 'JSONPath',
    ResultSelector: 'JSONPath',
    ResultPath: 'JSONPath',
    MaxConcurrencyPath: 'JSONPath',
    ToleratedFailureCountPath: 'JSONPath',
    ToleratedFailurePercentagePath: 'JSONPath',
    Items: 'JSONata',
    Output: 'JSONata',
  },
}

/** The eight state types in AWS's order, as its message lists them. */
export const AWS_STATE_TYPE_ORDER: readonly StateType[] = [
  'Task',
  'Wait',
  'Pass',
  'Succeed',
  'Fail',
  'Choice',
  'Parallel',
  'Map',
]

/** Choice comparison operators and the literal each takes (ASL-SPEC §8). */
export const CHOICE_OPERATORS: Readonly<
  Record<string, 'string' | 'number' | 'boolean' | 'timestamp' | 'path'>
> = {
  StringEquals: 'string',
  StringLessThan: 'string',
  StringGreaterThan: 'string',
  StringLessThanEquals: 'string',
  StringGreaterThanEquals: 'string',
  StringMatches: 'string',
  NumericEquals: 'number',
  NumericLessThan: 'number',
  NumericGreaterThan: 'number',
  NumericLessThanEquals: 'number',
  NumericGreaterThanEquals: 'number',
  BooleanEquals: 'boolean',
  TimestampEquals: 'timestamp',
  TimestampLessThan: 'timestamp',
  TimestampGreaterThan: 'timestamp',
  TimestampLessThanEquals: 'timestamp',
  TimestampGreaterThanEquals: 'timestamp',
  IsNull: 'boolean',
  IsPresent: 'boolean',
  IsNumeric: 'boolean',
  IsString: 'boolean',
  IsBoolean: 'boolean',
  IsTimestamp: 'boolean',
  StringEqualsPath: 'path',
  StringLessThanPath: 'path',
  StringGreaterThanPath: 'path',
  StringLessThanEqualsPath: 'path',
  StringGreaterThanEqualsPath: 'path',
  NumericEqualsPath: 'path',
  NumericLessThanPath: 'path',
  NumericGreaterThanPath: 'path',
  NumericLessThanEqualsPath: 'path',
  NumericGreaterThanEqualsPath: 'path',
  BooleanEqualsPath: 'path',
  TimestampEqualsPath: 'path',
  TimestampLessThanPath: 'path',
  TimestampGreaterThanPath: 'path',
  TimestampLessThanEqualsPath: 'path',
  TimestampGreaterThanEqualsPath: 'path',
}
