/**
 * The zod schema of an ASL document: the JSON shape of the top level, of every state type in both
 * query languages, and of their parts (retriers, catchers, Choice rules, Map reader/batcher/writer).
 * It checks shape only — which fields exist and what type each holds; cross-field rules (language of
 * a field, transitions, reachability, path syntax, …) are `validateStateMachine`'s.
 */
import { z } from 'zod'

import type { AslStateMachine, JsonValue } from './states.ts'
import { CHOICE_OPERATORS } from './validate/fields.ts'

/**
 * Any JSON value.
 *
 * @example
 * jsonValueSchema.parse({ a: [1, 'x', null] }) // { a: [1, 'x', null] }
 */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
)

const jsonObject = z.record(z.string(), jsonValueSchema)
/** A `{% … %}` JSONata expression string. */
const jsonata = z.string().regex(/^\{%[\s\S]*%\}$/, 'Expected a JSONata expression: {% … %}')
/** A literal of the given schema, or (in JSONata states) an expression yielding it. */
const orExpression = <T extends z.ZodType>(literal: T) => z.union([literal, jsonata])
const nonNegativeInt = z.number().int().min(0)
const positiveInt = z.number().int().min(1)
const path = z.string().startsWith('$')
const nullablePath = path.nullable()

const common = {
  Comment: z.string().optional(),
  QueryLanguage: z.enum(['JSONPath', 'JSONata']).optional(),
}
const transition = { Next: z.string().optional(), End: z.boolean().optional() }
const io = { InputPath: nullablePath.optional(), OutputPath: nullablePath.optional() }
const assign = { Assign: jsonObject.optional() }

const retrier = z.strictObject({
  ErrorEquals: z.array(z.string()).min(1),
  IntervalSeconds: positiveInt.optional(),
  MaxAttempts: nonNegativeInt.optional(),
  BackoffRate: z.number().min(1).optional(),
  MaxDelaySeconds: positiveInt.optional(),
  JitterStrategy: z.enum(['FULL', 'NONE']).optional(),
  Comment: z.string().optional(),
})

const catcher = z.strictObject({
  ErrorEquals: z.array(z.string()).min(1),
  Next: z.string(),
  ResultPath: nullablePath.optional(),
  Output: jsonValueSchema.optional(),
  Assign: jsonObject.optional(),
  Comment: z.string().optional(),
})

const errorHandling = { Retry: z.array(retrier).optional(), Catch: z.array(catcher).optional() }

const operandSchemas = {
  string: z.string(),
  number: z.number(),
  boolean: z.boolean(),
  timestamp: z.string(),
  path,
} as const

const operatorShape = Object.fromEntries(
  Object.entries(CHOICE_OPERATORS).map(([name, kind]) => [name, operandSchemas[kind].optional()]),
)

interface ChoiceRuleShape {
  [key: string]: unknown
}

// One object for both languages and for top-level and nested rules: which keys combine is the
// validator's rule (SFN213), the schema only fixes their types.
const choiceRule: z.ZodType<ChoiceRuleShape> = z.lazy(() =>
  z.strictObject({
    ...operatorShape,
    Variable: path.optional(),
    And: z.array(choiceRule).min(1).optional(),
    Or: z.array(choiceRule).min(1).optional(),
    Not: choiceRule.optional(),
    Condition: orExpression(z.boolean()).optional(),
    Next: z.string().optional(),
    Assign: jsonObject.optional(),
    Output: jsonValueSchema.optional(),
    Comment: z.string().optional(),
  }),
)

interface BranchShape {
  StartAt: string
  States: Record<string, unknown>
  Comment?: string
}

const branch: z.ZodType<BranchShape> = z.lazy(() =>
  z.strictObject({
    StartAt: z.string(),
    States: z.record(z.string(), state),
    Comment: z.string().optional(),
  }),
)

interface ProcessorShape extends BranchShape {
  ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' }
}

const itemProcessor: z.ZodType<ProcessorShape> = z.lazy(() =>
  z.strictObject({
    StartAt: z.string(),
    States: z.record(z.string(), state),
    Comment: z.string().optional(),
    ProcessorConfig: z
      .strictObject({
        Mode: z.enum(['INLINE', 'DISTRIBUTED']).optional(),
        ExecutionType: z.enum(['STANDARD', 'EXPRESS']).optional(),
      })
      .optional(),
  }),
)

const taskState = z.strictObject({
  Type: z.literal('Task'),
  ...common,
  ...transition,
  ...io,
  ...assign,
  ...errorHandling,
  Resource: z.string(),
  TimeoutSeconds: orExpression(positiveInt).optional(),
  TimeoutSecondsPath: path.optional(),
  HeartbeatSeconds: orExpression(positiveInt).optional(),
  HeartbeatSecondsPath: path.optional(),
  Credentials: jsonObject.optional(),
  Parameters: jsonValueSchema.optional(),
  ResultSelector: jsonObject.optional(),
  ResultPath: nullablePath.optional(),
  Arguments: jsonValueSchema.optional(),
  Output: jsonValueSchema.optional(),
})

const passState = z.strictObject({
  Type: z.literal('Pass'),
  ...common,
  ...transition,
  ...io,
  ...assign,
  Parameters: jsonValueSchema.optional(),
  Result: jsonValueSchema.optional(),
  ResultPath: nullablePath.optional(),
  Output: jsonValueSchema.optional(),
})

const choiceState = z.strictObject({
  Type: z.literal('Choice'),
  ...common,
  ...io,
  ...assign,
  Choices: z.array(choiceRule).min(1),
  Default: z.string().optional(),
  Output: jsonValueSchema.optional(),
})

const waitState = z.strictObject({
  Type: z.literal('Wait'),
  ...common,
  ...transition,
  ...io,
  ...assign,
  Seconds: orExpression(nonNegativeInt).optional(),
  SecondsPath: path.optional(),
  Timestamp: z.string().optional(),
  TimestampPath: path.optional(),
  Output: jsonValueSchema.optional(),
})

const succeedState = z.strictObject({
  Type: z.literal('Succeed'),
  ...common,
  ...io,
  Output: jsonValueSchema.optional(),
})

const failState = z.strictObject({
  Type: z.literal('Fail'),
  ...common,
  Error: z.string().optional(),
  ErrorPath: z.string().optional(),
  Cause: z.string().optional(),
  CausePath: z.string().optional(),
})

const parallelState = z.strictObject({
  Type: z.literal('Parallel'),
  ...common,
  ...transition,
  ...io,
  ...assign,
  ...errorHandling,
  Branches: z.array(branch).min(1),
  Parameters: jsonValueSchema.optional(),
  ResultSelector: jsonObject.optional(),
  ResultPath: nullablePath.optional(),
  Arguments: jsonValueSchema.optional(),
  Output: jsonValueSchema.optional(),
})

const mapState = z.strictObject({
  Type: z.literal('Map'),
  ...common,
  ...transition,
  ...io,
  ...assign,
  ...errorHandling,
  ItemProcessor: itemProcessor.optional(),
  Iterator: itemProcessor.optional(),
  ItemsPath: path.optional(),
  Items: jsonValueSchema.optional(),
  ItemSelector: jsonValueSchema.optional(),
  Parameters: jsonValueSchema.optional(),
  ResultSelector: jsonObject.optional(),
  ResultPath: nullablePath.optional(),
  Output: jsonValueSchema.optional(),
  MaxConcurrency: orExpression(nonNegativeInt).optional(),
  MaxConcurrencyPath: path.optional(),
  ToleratedFailureCount: orExpression(nonNegativeInt).optional(),
  ToleratedFailureCountPath: path.optional(),
  ToleratedFailurePercentage: orExpression(z.number().min(0).max(100)).optional(),
  ToleratedFailurePercentagePath: path.optional(),
  Label: z.string().optional(),
  ItemReader: z
    .strictObject({
      Resource: z.string(),
      ReaderConfig: z
        .strictObject({
          InputType: z.enum(['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST']).optional(),
          CSVHeaderLocation: z.enum(['FIRST_ROW', 'GIVEN']).optional(),
          CSVHeaders: z.array(z.string()).optional(),
          CSVDelimiter: z.enum(['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB']).optional(),
          ManifestType: z.enum(['ATHENA_DATA', 'S3_INVENTORY']).optional(),
          Transformation: z.enum(['NONE', 'LOAD_AND_FLATTEN']).optional(),
          ItemsPointer: z.string().optional(),
          MaxItems: orExpression(nonNegativeInt).optional(),
          MaxItemsPath: path.optional(),
        })
        .optional(),
      Parameters: jsonObject.optional(),
      Arguments: jsonValueSchema.optional(),
    })
    .optional(),
  ItemBatcher: z
    .strictObject({
      MaxItemsPerBatch: orExpression(positiveInt).optional(),
      MaxItemsPerBatchPath: path.optional(),
      MaxInputBytesPerBatch: orExpression(positiveInt).optional(),
      MaxInputBytesPerBatchPath: path.optional(),
      BatchInput: jsonValueSchema.optional(),
    })
    .optional(),
  ResultWriter: z
    .strictObject({
      Resource: z.string().optional(),
      Parameters: jsonObject.optional(),
      Arguments: jsonValueSchema.optional(),
      WriterConfig: z
        .strictObject({
          OutputType: z.enum(['JSON', 'JSONL']).optional(),
          Transformation: z.enum(['NONE', 'COMPACT', 'FLATTEN']).optional(),
        })
        .optional(),
    })
    .optional(),
})

interface StateShape {
  Type: string
}

const state: z.ZodType<StateShape> = z.discriminatedUnion('Type', [
  taskState,
  passState,
  choiceState,
  waitState,
  succeedState,
  failState,
  parallelState,
  mapState,
])

/**
 * The JSON shape of a state machine definition (both query languages). Use it where a type guard is
 * wanted; use `validateStateMachine` for AWS's full set of create-time rules.
 *
 * @example
 * aslStateMachineSchema.safeParse({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }).success // true
 * aslStateMachineSchema.safeParse({ StartAt: 'A', States: { A: { Type: 'Nope' } } }).success // false
 */
export const aslStateMachineSchema: z.ZodType<AslStateMachine> = z.strictObject({
  StartAt: z.string(),
  States: z.record(z.string(), state),
  Comment: z.string().optional(),
  Version: z.string().optional(),
  TimeoutSeconds: nonNegativeInt.optional(),
  QueryLanguage: z.enum(['JSONPath', 'JSONata']).optional(),
}) as unknown as z.ZodType<AslStateMachine> // the states' interfaces are looser unions of the same shape
