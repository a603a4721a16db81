// Coverage matrix (COVERAGE.md): every intrinsic helper, lowered whole to States.* calls (JSONPath) and to
// their JSONata equivalents, and executed by the runtime to the same values in both.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  array,
  arrayContains,
  arrayGetItem,
  arrayLength,
  arrayPartition,
  arrayRange,
  arrayUnique,
  base64Decode,
  base64Encode,
  format,
  hash,
  jsonMerge,
  jsonToString,
  mathAdd,
  mathRandom,
  stringSplit,
  stringToJson,
  uuid,
  workflow,
} from '../src/index.ts'
import { enteredStates } from './history.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Input = z.object({
  name: z.string(),
  n: z.number(),
  tags: z.array(z.string()),
  raw: z.string(),
  blob: z.string(),
  csv: z.string(),
  defaults: z.object({ a: z.number(), b: z.number() }),
  overrides: z.object({ b: z.number() }),
})
const input = {
  name: 'ann',
  n: 3,
  tags: ['vip', 'a', 'vip'],
  raw: '{"k":1}',
  blob: 'aGk=',
  csv: 'a,b,c',
  defaults: { a: 1, b: 2 },
  overrides: { b: 3 },
}

const flow = (language: QueryLanguage) =>
  workflow('Intrinsics', { input: Input, queryLanguage: language }, (start) =>
    start.pass('All', (p) =>
      p.parameters((s) => ({
        format: format('{} has {} tags', s.name, s.n),
        json: stringToJson<{ k: number }>(s.raw),
        text: jsonToString(s.defaults),
        array: array(s.name, 'x'),
        partition: arrayPartition(s.tags, 2),
        contains: arrayContains(s.tags, 'vip'),
        range: arrayRange(1, 9, 4),
        item: arrayGetItem(s.tags, 1),
        length: arrayLength(s.tags),
        unique: arrayUnique(s.tags),
        encoded: base64Encode(s.name),
        decoded: base64Decode(s.blob),
        hash: hash(s.name, 'SHA-256'),
        merged: jsonMerge(s.defaults, s.overrides),
        random: mathRandom(1, 3),
        sum: mathAdd(s.n, 1),
        split: stringSplit(s.csv, ','),
        id: uuid(),
        nested: format('{}!', arrayLength(s.tags)),
      })),
    ),
  )

describe('intrinsic helpers', () => {
  test('lower whole to States.* calls in JSONPath', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'All',
      States: {
        All: {
          Type: 'Pass',
          Parameters: {
            'format.$': "States.Format('{} has {} tags', $.name, $.n)",
            'json.$': 'States.StringToJson($.raw)',
            'text.$': 'States.JsonToString($.defaults)',
            'array.$': "States.Array($.name, 'x')",
            'partition.$': 'States.ArrayPartition($.tags, 2)',
            'contains.$': "States.ArrayContains($.tags, 'vip')",
            'range.$': 'States.ArrayRange(1, 9, 4)',
            'item.$': 'States.ArrayGetItem($.tags, 1)',
            'length.$': 'States.ArrayLength($.tags)',
            'unique.$': 'States.ArrayUnique($.tags)',
            'encoded.$': 'States.Base64Encode($.name)',
            'decoded.$': 'States.Base64Decode($.blob)',
            'hash.$': "States.Hash($.name, 'SHA-256')",
            'merged.$': 'States.JsonMerge($.defaults, $.overrides, false)',
            'random.$': 'States.MathRandom(1, 3)',
            'sum.$': 'States.MathAdd($.n, 1)',
            'split.$': "States.StringSplit($.csv, ',')",
            'id.$': 'States.UUID()',
            'nested.$': "States.Format('{}!', States.ArrayLength($.tags))",
          },
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lower whole to their JSONata equivalents', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'All',
      States: {
        All: {
          Type: 'Pass',
          Output: {
            format:
              '{% ($string($states.input.name) & " has " & $string($states.input.n) & " tags") %}',
            json: '{% $parse($states.input.raw) %}',
            text: '{% $string($states.input.defaults) %}',
            array: '{% [$states.input.name, "x"] %}',
            partition: '{% $partition($states.input.tags, 2) %}',
            contains: '{% ("vip" in $states.input.tags) %}',
            range: '{% [$range(1, 9, 4)] %}',
            item: '{% ($states.input.tags)[1] %}',
            length: '{% $count($states.input.tags) %}',
            unique: '{% $distinct($states.input.tags) %}',
            encoded: '{% $base64encode($states.input.name) %}',
            decoded: '{% $base64decode($states.input.blob) %}',
            hash: '{% $hash($states.input.name, "SHA-256") %}',
            merged: '{% $merge([$states.input.defaults, $states.input.overrides]) %}',
            random: '{% ($floor($random() * (3 - 1)) + 1) %}',
            sum: '{% ($floor(($states.input.n) + 0.5) + 1) %}',
            split: '{% [$split($states.input.csv, ",")[$ != ""]] %}',
            id: '{% $uuid() %}',
            nested: '{% ($string($count($states.input.tags)) & "!") %}',
          },
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('compute the same values in %s', async (language) => {
    const result = await run(flow(language), input, { random: 1 })

    expect(result.status).toBe('SUCCEEDED')
    expect(enteredStates(result.history)).toStrictEqual(['All'])
    expect(result.output).toStrictEqual({
      format: 'ann has 3 tags',
      json: { k: 1 },
      text: '{"a":1,"b":2}',
      array: ['ann', 'x'],
      partition: [['vip', 'a'], ['vip']],
      contains: true,
      range: [1, 5, 9],
      item: 'a',
      length: 3,
      unique: ['vip', 'a'],
      encoded: 'YW5u',
      decoded: 'hi',
      // sha256('ann')
      hash: '49915e0d7d4b402e3017d010bc1c0e83cac6c797d6c16e66340fe3268693a6a1',
      merged: { a: 1, b: 3 },
      // MathRandom's end is exclusive.
      random: expect.toSatisfy((n: number) => n === 1 || n === 2),
      sum: 4,
      split: ['a', 'b', 'c'],
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      nested: '3!',
    })
  })
})
