/**
 * Response shapes of the AWS API operations that TestState checks a mocked `result` against
 * (`fieldValidationMode` STRICT or PRESENT). Each shape is a compact transcription of the operation's
 * output in the AWS API model (types, required members, enums, length and value ranges), limited to
 * the operations listed in MODELS; a mocked result for any other operation is not checked.
 */
import type { JsonValue } from '@statewright/asl'
import { isJsonObject } from '../json.ts'

/** One member shape of the AWS API model. */
export type Shape =
  | {
      readonly type: 'string'
      readonly min?: number
      readonly max?: number
      readonly enum?: readonly string[]
    }
  | { readonly type: 'blob'; readonly min?: number }
  | { readonly type: 'timestamp' }
  | {
      readonly type: 'integer' | 'long' | 'float' | 'double'
      readonly min?: number
      readonly max?: number
    }
  | { readonly type: 'boolean' }
  | { readonly type: 'list'; readonly member: Shape }
  | { readonly type: 'map'; readonly value: Shape }
  | { readonly type: 'any' }
  | {
      readonly type: 'structure'
      readonly members: Readonly<Record<string, Shape>>
      readonly required?: readonly string[]
    }

const str = (extra: { min?: number; max?: number; enum?: readonly string[] } = {}): Shape => ({
  type: 'string',
  ...extra,
})
const int = (min?: number, max?: number): Shape => ({
  type: 'integer',
  ...(min !== undefined ? { min } : {}),
  ...(max !== undefined ? { max } : {}),
})
const long: Shape = { type: 'long' }
const double: Shape = { type: 'double' }
const bool: Shape = { type: 'boolean' }
const timestamp: Shape = { type: 'timestamp' }
const any: Shape = { type: 'any' }
const list = (member: Shape): Shape => ({ type: 'list', member })
const map = (value: Shape): Shape => ({ type: 'map', value })
const struct = (members: Record<string, Shape>, required?: readonly string[]): Shape => ({
  type: 'structure',
  members,
  ...(required !== undefined ? { required } : {}),
})

// DynamoDB: AttributeValue is recursive; its members are checked one level deep (the rest is `any`).
const attributeValue = struct({
  S: str(),
  N: str(),
  B: { type: 'blob' },
  SS: list(str()),
  NS: list(str()),
  BS: list({ type: 'blob' }),
  M: map(any),
  L: list(any),
  NULL: bool,
  BOOL: bool,
})
const capacity = struct({
  ReadCapacityUnits: double,
  WriteCapacityUnits: double,
  CapacityUnits: double,
})
const consumedCapacity = struct({
  TableName: str({ min: 1, max: 1024 }),
  CapacityUnits: double,
  ReadCapacityUnits: double,
  WriteCapacityUnits: double,
  Table: capacity,
  LocalSecondaryIndexes: map(capacity),
  GlobalSecondaryIndexes: map(capacity),
})
const itemCollectionMetrics = struct({
  ItemCollectionKey: map(attributeValue),
  SizeEstimateRangeGB: list(double),
})
const dynamoWrite = struct({
  Attributes: map(attributeValue),
  ConsumedCapacity: consumedCapacity,
  ItemCollectionMetrics: itemCollectionMetrics,
})

const dynamoRead = struct({
  Items: list(map(attributeValue)),
  Count: int(),
  ScannedCount: int(),
  LastEvaluatedKey: map(attributeValue),
  ConsumedCapacity: consumedCapacity,
})

const s3StorageClass = str({
  enum: [
    'STANDARD',
    'REDUCED_REDUNDANCY',
    'STANDARD_IA',
    'ONEZONE_IA',
    'INTELLIGENT_TIERING',
    'GLACIER',
    'DEEP_ARCHIVE',
    'OUTPOSTS',
    'GLACIER_IR',
    'SNOW',
    'EXPRESS_ONEZONE',
    'FSX_OPENZFS',
  ],
})

const lambdaRuntime = str({
  enum: [
    'nodejs',
    'nodejs4.3',
    'nodejs6.10',
    'nodejs8.10',
    'nodejs10.x',
    'nodejs12.x',
    'nodejs14.x',
    'nodejs16.x',
    'nodejs18.x',
    'nodejs20.x',
    'nodejs22.x',
    'java8',
    'java8.al2',
    'java11',
    'java17',
    'java21',
    'python2.7',
    'python3.6',
    'python3.7',
    'python3.8',
    'python3.9',
    'python3.10',
    'python3.11',
    'python3.12',
    'python3.13',
    'dotnetcore1.0',
    'dotnetcore2.0',
    'dotnetcore2.1',
    'dotnetcore3.1',
    'dotnet6',
    'dotnet8',
    'nodejs4.3-edge',
    'go1.x',
    'ruby2.5',
    'ruby2.7',
    'ruby3.2',
    'ruby3.3',
    'ruby3.4',
    'provided',
    'provided.al2',
    'provided.al2023',
  ],
})
const lambdaConfiguration = struct({
  FunctionName: str({ min: 1, max: 170 }),
  FunctionArn: str(),
  Runtime: lambdaRuntime,
  Role: str(),
  Handler: str({ max: 128 }),
  CodeSize: long,
  Description: str({ min: 0, max: 256 }),
  Timeout: int(1),
  MemorySize: int(128, 10240),
  LastModified: str(),
  CodeSha256: str(),
  Version: str({ min: 1, max: 1024 }),
  State: str({ enum: ['Pending', 'Active', 'Inactive', 'Failed'] }),
  PackageType: str({ enum: ['Zip', 'Image'] }),
  Architectures: list(str({ enum: ['x86_64', 'arm64'] })),
  Environment: struct({ Variables: map(str()) }),
  EphemeralStorage: struct({ Size: int(512, 10240) }, ['Size']),
})

/** Output shapes by Task resource (without the integration-pattern suffix). */
export const MODELS: Readonly<Record<string, Shape>> = {
  // Lambda Invoke: the model's Payload is a blob, so a mocked Payload must be text (AWS refuses a
  // JSON object there in STRICT and PRESENT mode).
  'arn:aws:states:::lambda:invoke': struct({
    StatusCode: int(),
    FunctionError: str(),
    LogResult: str(),
    Payload: { type: 'blob' },
    ExecutedVersion: str({ min: 1, max: 1024 }),
  }),
  'arn:aws:states:::states:startExecution': struct(
    { ExecutionArn: str({ min: 1, max: 256 }), StartDate: timestamp },
    ['ExecutionArn', 'StartDate'],
  ),
  'arn:aws:states:::sqs:sendMessage': struct({
    // AWS accepts any JSON here (observed: an object passes while MessageId is checked).
    MD5OfMessageBody: any,
    MD5OfMessageAttributes: str(),
    MD5OfMessageSystemAttributes: str(),
    MessageId: str(),
    SequenceNumber: str(),
  }),
  'arn:aws:states:::sns:publish': struct({ MessageId: str(), SequenceNumber: str() }),
  'arn:aws:states:::events:putEvents': struct({
    FailedEntryCount: int(),
    Entries: list(struct({ EventId: str(), ErrorCode: str(), ErrorMessage: str() })),
  }),
  'arn:aws:states:::dynamodb:putItem': dynamoWrite,
  'arn:aws:states:::dynamodb:updateItem': dynamoWrite,
  'arn:aws:states:::dynamodb:deleteItem': dynamoWrite,
  'arn:aws:states:::dynamodb:getItem': struct({
    Item: map(attributeValue),
    ConsumedCapacity: consumedCapacity,
  }),
  'arn:aws:states:::aws-sdk:s3:getObject': struct({
    Body: any,
    DeleteMarker: bool,
    AcceptRanges: str(),
    Expiration: str(),
    Restore: str(),
    LastModified: timestamp,
    ContentLength: long,
    ETag: str(),
    VersionId: str(),
    CacheControl: str(),
    ContentDisposition: str(),
    ContentEncoding: str(),
    ContentLanguage: str(),
    ContentRange: str(),
    ContentType: str(),
    Expires: timestamp,
    Metadata: map(str()),
    StorageClass: s3StorageClass,
    PartsCount: int(),
    TagCount: int(),
    ServerSideEncryption: str({ enum: ['AES256', 'aws:kms', 'aws:kms:dsse', 'aws:fsx'] }),
  }),
  'arn:aws:states:::aws-sdk:s3:putObject': struct({
    Expiration: str(),
    ETag: str(),
    ServerSideEncryption: str({ enum: ['AES256', 'aws:kms', 'aws:kms:dsse', 'aws:fsx'] }),
    VersionId: str(),
    SSEKMSKeyId: str(),
    BucketKeyEnabled: bool,
    Size: long,
    RequestCharged: str({ enum: ['requester'] }),
  }),
  'arn:aws:states:::aws-sdk:s3:listObjectsV2': struct({
    IsTruncated: bool,
    Contents: list(
      struct({
        Key: str({ min: 1 }),
        LastModified: timestamp,
        ETag: str(),
        Size: long,
        StorageClass: s3StorageClass,
        Owner: struct({ DisplayName: str(), ID: str() }),
      }),
    ),
    Name: str(),
    Prefix: str(),
    Delimiter: str(),
    MaxKeys: int(),
    CommonPrefixes: list(struct({ Prefix: str() })),
    EncodingType: str({ enum: ['url'] }),
    KeyCount: int(),
    ContinuationToken: str(),
    NextContinuationToken: str(),
    StartAfter: str(),
  }),
  'arn:aws:states:::aws-sdk:dynamodb:query': dynamoRead,
  'arn:aws:states:::aws-sdk:dynamodb:scan': dynamoRead,
  'arn:aws:states:::aws-sdk:secretsmanager:getSecretValue': struct({
    ARN: str({ min: 20, max: 2048 }),
    Name: str({ min: 1, max: 256 }),
    VersionId: str({ min: 32, max: 64 }),
    SecretBinary: { type: 'blob' },
    SecretString: str(),
    VersionStages: list(str({ min: 1, max: 256 })),
    CreatedDate: timestamp,
  }),
  'arn:aws:states:::aws-sdk:kms:encrypt': struct({
    CiphertextBlob: { type: 'blob', min: 1 },
    KeyId: str({ min: 1, max: 2048 }),
    EncryptionAlgorithm: str({
      enum: ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'],
    }),
  }),
  'arn:aws:states:::aws-sdk:lambda:getFunction': struct({
    Configuration: lambdaConfiguration,
    Code: struct({
      RepositoryType: str(),
      Location: str(),
      ImageUri: str(),
      ResolvedImageUri: str(),
    }),
    Tags: map(str()),
    Concurrency: struct({ ReservedConcurrentExecutions: int(0) }),
  }),
}

/** The model of a Task resource, or undefined when TestState here has none for it. */
export function modelFor(resource: string): Shape | undefined {
  // Only request-response answers are the operation's response: a `.sync` job answers with its
  // describe call, a callback with whatever the worker sent.
  if (/\.(sync(:2)?|waitForTaskToken)$/.test(resource)) return undefined
  const normalized = resource.replace(/^arn:[^:]+:/, 'arn:aws:')
  return Object.hasOwn(MODELS, normalized) ? MODELS[normalized] : undefined
}

/**
 * Checks `value` against `shape` the way TestState's field validation does; returns AWS's message
 * (without the "Mock result schema validation error: " prefix) for the first problem, in document
 * order, or undefined. `checkRequired` is STRICT mode; PRESENT checks only the fields that are there.
 */
export function checkShape(
  value: JsonValue,
  shape: Shape,
  name: string,
  checkRequired: boolean,
): string | undefined {
  switch (shape.type) {
    case 'any':
      return undefined
    case 'string': {
      if (typeof value !== 'string') return `Field '${name}' must be a string`
      if (shape.enum !== undefined && !shape.enum.includes(value))
        return `Field '${name}' is not an expected value`
      if (shape.min !== undefined && value.length < shape.min)
        return `Field '${name}' is smaller than the minimum length`
      if (shape.max !== undefined && value.length > shape.max)
        return `Field '${name}' exceeds the maximum length`
      return undefined
    }
    case 'blob': {
      // Blobs travel base64-encoded in JSON.
      if (typeof value !== 'string') return `Field '${name}' must be a string`
      if (shape.min !== undefined && value.length < shape.min)
        return `Field '${name}' is smaller than the minimum length`
      return undefined
    }
    case 'timestamp':
      // Step Functions serialises timestamps as text.
      return typeof value === 'string' ? undefined : `Field '${name}' must be a string`
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const whole = shape.type === 'integer' || shape.type === 'long'
      if (typeof value !== 'number' || (whole && !Number.isInteger(value)))
        return `Field '${name}' must be a number`
      if (shape.min !== undefined && value < shape.min)
        return `Field '${name}' is less than the minimum value`
      if (shape.max !== undefined && value > shape.max)
        return `Field '${name}' exceeds the maximum value`
      return undefined
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `Field '${name}' must be a boolean`
    case 'list': {
      if (!Array.isArray(value)) return `Field '${name}' must be an array`
      for (const item of value) {
        const problem = checkShape(item, shape.member, name, checkRequired)
        if (problem !== undefined) return problem
      }
      return undefined
    }
    case 'map': {
      if (!isJsonObject(value)) return `Field '${name}' must be an object`
      // A map's entries are reported under the map's own field name.
      for (const item of Object.values(value)) {
        const problem = checkShape(item, shape.value, name, checkRequired)
        if (problem !== undefined) return problem
      }
      return undefined
    }
    case 'structure': {
      if (!isJsonObject(value)) return `Field '${name}' must be an object`
      if (checkRequired) {
        for (const member of shape.required ?? []) {
          if (!Object.hasOwn(value, member)) return `Required field '${member}' is missing`
        }
      }
      // Members the model does not know (SdkHttpMetadata, …) are accepted, as AWS accepts them.
      for (const [key, item] of Object.entries(value)) {
        if (!Object.hasOwn(shape.members, key)) continue
        const problem = checkShape(item, shape.members[key]!, key, checkRequired)
        if (problem !== undefined) return problem
      }
      return undefined
    }
  }
}
