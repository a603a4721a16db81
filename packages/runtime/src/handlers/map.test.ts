import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, it } from 'vitest'
import { run } from '../execution.ts'
import { InMemoryS3 } from '../s3.ts'

describe('Map', () => {
  it('runs iterations concurrently up to MaxConcurrency, results in item order', async () => {
    let running = 0
    let peak = 0
    const definition: AslStateMachine = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 3,
          ItemProcessor: {
            StartAt: 'Work',
            States: {
              Work: {
                Type: 'Task',
                Resource: 'arn:aws:lambda:us-east-1:1:function:work',
                End: true,
              },
            },
          },
          End: true,
        },
      },
    }
    const work = async (n: number): Promise<number> => {
      running++
      peak = Math.max(peak, running)
      await new Promise((resolve) => setImmediate(resolve))
      running--
      return n * 10
    }

    const result = await run(definition, [1, 2, 3, 4, 5, 6, 7], { handlers: { work } })

    expect(result.output).toEqual([10, 20, 30, 40, 50, 60, 70])
    expect(peak).toBe(3)
  })

  it('passes the failing iteration error up and records MapIterationFailed', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
          ItemProcessor: {
            StartAt: 'Check',
            States: {
              Check: {
                Type: 'Choice',
                Choices: [{ Variable: '$.value', NumericGreaterThan: 1, Next: 'Bad' }],
                Default: 'Ok',
              },
              Bad: { Type: 'Fail', Error: 'TooBig', Cause: 'over 1' },
              Ok: { Type: 'Succeed' },
            },
          },
          End: true,
        },
      },
    }

    const result = await run(definition, { items: [0, 1, 2] }, {})

    expect(result).toMatchObject({ status: 'FAILED', error: 'TooBig', cause: 'over 1' })
    const types = result.history.map((e) => e.type)
    expect(types).toContain('MapIterationFailed')
    expect(types.at(-2)).toBe('MapStateFailed')
  })

  it('reads items from the S3 stand-in and writes results with ResultWriter', async () => {
    const s3 = new InMemoryS3({ input: { 'rows.csv': 'id,name\n1,a\n2,b\n' }, out: {} })
    const definition: AslStateMachine = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
            Parameters: { Bucket: 'input', Key: 'rows.csv' },
          },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Echo',
            States: { Echo: { Type: 'Pass', End: true } },
          },
          ResultWriter: {
            Resource: 'arn:aws:states:::s3:putObject',
            Parameters: { Bucket: 'out', Prefix: 'runs' },
          },
          Label: 'Rows',
          End: true,
        },
      },
    }

    const result = await run(definition, {}, { s3 })

    expect(result.status).toBe('SUCCEEDED')
    const key = (result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key
    expect(key).toMatch(/^runs\/[0-9a-f-]+\/manifest\.json$/)
    const manifest = JSON.parse(s3.getObject('out', key)!) as {
      ResultFiles: { SUCCEEDED: { Key: string }[] }
    }
    const succeeded = JSON.parse(s3.getObject('out', manifest.ResultFiles.SUCCEEDED[0]!.Key)!) as {
      Output: string
    }[]
    expect(succeeded.map((r) => JSON.parse(r.Output))).toEqual([
      { id: '1', name: 'a' },
      { id: '2', name: 'b' },
    ])
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ])
  })

  it('tolerates failures up to ToleratedFailureCount in a Distributed Map', async () => {
    const definition = (tolerated: number): AslStateMachine => ({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ToleratedFailureCount: tolerated,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Check',
            States: {
              Check: {
                Type: 'Choice',
                Choices: [{ Variable: '$', BooleanEquals: false, Next: 'No' }],
                Default: 'Yes',
              },
              No: { Type: 'Fail', Error: 'Nope' },
              Yes: { Type: 'Succeed' },
            },
          },
          End: true,
        },
      },
    })
    const items = [true, false, true, false]

    const tolerated = await run(definition(2), items)
    const exceeded = await run(definition(1), items)

    expect(tolerated.status).toBe('SUCCEEDED')
    expect(exceeded).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    })
  })

  it('maps 1,000,000 items with bounded concurrency', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'P',
            States: { P: { Type: 'Pass', End: true } },
          },
          ResultSelector: { 'count.$': 'States.ArrayLength($)' },
          End: true,
        },
      },
    }

    const result = await run(definition, new Array(1_000_000).fill(1), {
      maxPayloadBytes: Infinity,
    })

    expect(result.output).toEqual({ count: 1_000_000 })
  }, 30_000)
})

describe('Parallel', () => {
  it('gives every branch the same input and returns outputs in branch order', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Slow',
              States: {
                Slow: { Type: 'Wait', Seconds: 10, Next: 'A' },
                A: { Type: 'Pass', Result: 'a', End: true },
              },
            },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
          ],
          End: true,
        },
      },
    }

    const result = await run(definition, {})

    expect(result.output).toEqual(['a', 'b'])
    expect(result.elapsedMs).toBe(10_000)
  })
})

describe('Distributed Map child executions', () => {
  it('fails an EXPRESS child execution of a Distributed Map after 5 minutes; a STANDARD one may run longer', async () => {
    const mapOf = (executionType: 'EXPRESS' | 'STANDARD'): AslStateMachine => ({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ToleratedFailureCount: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType },
            StartAt: 'Hold',
            States: { Hold: { Type: 'Wait', SecondsPath: '$.seconds', End: true } },
          },
          End: true,
        },
      },
    })
    const items = [{ seconds: 60 }, { seconds: 600 }]

    const express = await run(mapOf('EXPRESS'), items)
    const strict = await run(
      {
        ...mapOf('EXPRESS'),
        States: { Each: { ...mapOf('EXPRESS').States['Each']!, ToleratedFailureCount: 0 } },
      } as AslStateMachine,
      items,
    )
    const standard = await run(mapOf('STANDARD'), items)

    expect([express.status, express.output, express.elapsedMs]).toEqual([
      'SUCCEEDED',
      [{ seconds: 60 }, null],
      300_000,
    ])
    expect([strict.status, strict.error]).toEqual(['FAILED', 'States.Timeout'])
    expect([standard.status, standard.output, standard.elapsedMs]).toEqual([
      'SUCCEEDED',
      items,
      600_000,
    ])
  })

  it("an EXPRESS child's time-out is not caught by a Catch inside the child", async () => {
    const definition: AslStateMachine = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'Guarded',
            States: {
              Guarded: {
                Type: 'Parallel',
                Branches: [
                  { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 600, End: true } } },
                ],
                Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
                End: true,
              },
              Caught: { Type: 'Pass', Result: 'caught', End: true },
            },
          },
          End: true,
        },
      },
    }

    const result = await run(definition, [1])

    expect([result.status, result.error, result.elapsedMs]).toEqual([
      'FAILED',
      'States.Timeout',
      300_000,
    ])
  })
})
