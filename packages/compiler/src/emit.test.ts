import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../test/second-opinion.ts'
import { orderAslKeys } from './emit.ts'

describe('orderAslKeys', () => {
  test('shares what is already in order and copies only what it reorders, never changing its input', () => {
    const inOrder = { Type: 'Pass', Next: 'Last' }
    const retrier = { ErrorEquals: ['States.ALL'], MaxAttempts: 1 }
    const definition = {
      StartAt: 'First',
      States: {
        First: inOrder,
        Last: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:F',
          Retry: [retrier, { MaxAttempts: 2, ErrorEquals: ['States.Timeout'] }],
          End: true,
        },
      },
    } as unknown as AslStateMachine
    const before = JSON.stringify(definition)

    const ordered = orderAslKeys(definition) as unknown as {
      States: Record<string, { Retry?: object[] }>
    }

    expect(JSON.stringify(definition)).toBe(before)
    expect(ordered).not.toBe(definition)
    expect(ordered.States['First']).toBe(inOrder)
    expect(ordered.States['Last']?.Retry?.[0]).toBe(retrier)
    expect(Object.keys(ordered.States['Last']?.Retry?.[1] ?? {})).toStrictEqual([
      'ErrorEquals',
      'MaxAttempts',
    ])
    const again = orderAslKeys(ordered as unknown as AslStateMachine)
    expect(again).toBe(ordered)
  })

  test('orders states, retriers, catchers, Choice rules and nested scopes; keeps payload key order', () => {
    const scrambled = {
      States: {
        Route: {
          Default: 'Work',
          Choices: [
            { Next: 'Work', Not: { IsPresent: true, Variable: '$.skip' } },
            { Next: 'Work', NumericLessThan: 3, Variable: '$.n', Comment: 'small' },
          ],
          Type: 'Choice',
        },
        Work: {
          End: true,
          Catch: [{ Next: 'Work2', ResultPath: '$.error', ErrorEquals: ['States.ALL'] }],
          Retry: [
            { BackoffRate: 2, MaxAttempts: 2, ErrorEquals: ['States.Timeout'], IntervalSeconds: 1 },
          ],
          Branches: [{ States: { B: { End: true, Type: 'Pass' } }, StartAt: 'B' }],
          ResultPath: '$.out',
          Parameters: { z: 1, 'a.$': '$.a' },
          Type: 'Parallel',
        },
        Work2: { Type: 'Succeed' },
      },
      StartAt: 'Route',
      Comment: 'scrambled',
    } as unknown as AslStateMachine

    const ordered = orderAslKeys(scrambled)

    expectAslValidatorAccepts(ordered)
    expect(JSON.stringify(ordered, null, 1)).toMatchInlineSnapshot(`
      "{
       "Comment": "scrambled",
       "StartAt": "Route",
       "States": {
        "Route": {
         "Type": "Choice",
         "Choices": [
          {
           "Not": {
            "Variable": "$.skip",
            "IsPresent": true
           },
           "Next": "Work"
          },
          {
           "Comment": "small",
           "Variable": "$.n",
           "NumericLessThan": 3,
           "Next": "Work"
          }
         ],
         "Default": "Work"
        },
        "Work": {
         "Type": "Parallel",
         "Parameters": {
          "z": 1,
          "a.$": "$.a"
         },
         "Branches": [
          {
           "StartAt": "B",
           "States": {
            "B": {
             "Type": "Pass",
             "End": true
            }
           }
          }
         ],
         "ResultPath": "$.out",
         "Retry": [
          {
           "ErrorEquals": [
            "States.Timeout"
           ],
           "IntervalSeconds": 1,
           "MaxAttempts": 2,
           "BackoffRate": 2
          }
         ],
         "Catch": [
          {
           "ErrorEquals": [
            "States.ALL"
           ],
           "ResultPath": "$.error",
           "Next": "Work2"
          }
         ],
         "End": true
        },
        "Work2": {
         "Type": "Succeed"
        }
       }
      }"
    `)
  })
})
