import { describe, expect, it } from 'vitest'
import { checkShape, modelFor } from './service-models.ts'

describe('modelFor', () => {
  it('finds a request-response model by resource in any partition, none for .sync or callbacks', () => {
    expect(modelFor('arn:aws-cn:states:::states:startExecution')).toBe(
      modelFor('arn:aws:states:::states:startExecution'),
    )
    expect(modelFor('arn:aws:states:::states:startExecution.sync')).toBeUndefined()
    expect(modelFor('arn:aws:states:::lambda:invoke.waitForTaskToken')).toBeUndefined()
    expect(modelFor('arn:aws:states:::lambda:invoke')).toBeDefined()
    expect(modelFor('arn:aws:states:::glue:startJobRun')).toBeUndefined()
  })
})

describe('checkShape', () => {
  const check = (resource: string, value: unknown, strict = true): string | undefined =>
    checkShape(value as never, modelFor(resource)!, 'result', strict)

  it('names the first field of the wrong type, in document order and inside lists', () => {
    expect(check('arn:aws:states:::events:putEvents', { Entries: 'x' })).toBe(
      "Field 'Entries' must be an array",
    )
    expect(
      check('arn:aws:states:::events:putEvents', { Entries: [{ EventId: 'a' }, { EventId: [] }] }),
    ).toBe("Field 'EventId' must be a string")
    expect(check('arn:aws:states:::lambda:invoke', { StatusCode: '200' })).toBe(
      "Field 'StatusCode' must be a number",
    )
  })

  it('checks enums, lengths and value ranges', () => {
    expect(check('arn:aws:states:::aws-sdk:s3:getObject', { StorageClass: 'Papyrus' })).toBe(
      "Field 'StorageClass' is not an expected value",
    )
    expect(check('arn:aws:states:::aws-sdk:kms:encrypt', { CiphertextBlob: '' })).toBe(
      "Field 'CiphertextBlob' is smaller than the minimum length",
    )
    expect(
      check('arn:aws:states:::aws-sdk:lambda:getFunction', { Configuration: { MemorySize: 127 } }),
    ).toBe("Field 'MemorySize' is less than the minimum value")
    expect(
      check('arn:aws:states:::aws-sdk:lambda:getFunction', {
        Configuration: { MemorySize: 10241 },
      }),
    ).toBe("Field 'MemorySize' exceeds the maximum value")
  })

  it('requires required fields only in STRICT mode and accepts fields the model does not know', () => {
    const startExecution = 'arn:aws:states:::states:startExecution'

    expect(check(startExecution, { executionArn: 'x' })).toBe(
      "Required field 'ExecutionArn' is missing",
    )
    expect(check(startExecution, { executionArn: 'x' }, false)).toBeUndefined()
    expect(
      check('arn:aws:states:::dynamodb:putItem', { SdkHttpMetadata: { HttpStatusCode: 200 } }),
    ).toBeUndefined()
  })
})

describe('checkShape on nested models', () => {
  it('checks list members of structures and maps of DynamoDB attribute values', () => {
    const listObjects = modelFor('arn:aws:states:::aws-sdk:s3:listObjectsV2')!
    const query = modelFor('arn:aws:states:::aws-sdk:dynamodb:query')!

    expect(checkShape({ Contents: [{ Key: 'a', Size: '1' }] }, listObjects, 'result', true)).toBe(
      "Field 'Size' must be a number",
    )
    expect(checkShape({ Items: [{ id: { S: 1 } }] }, query, 'result', true)).toBe(
      "Field 'S' must be a string",
    )
    expect(checkShape({ Items: [{ id: { S: 'x' } }], Count: 1 }, query, 'result', true)).toBe(
      undefined,
    )
  })
})
