import type { JsonValue } from '@statewright/asl'
import { describe, expect, it } from 'vitest'

import {
  evaluateJsonata,
  evaluateJsonataTemplate,
  expectJsonataType,
  isJsonataExpression,
  type JsonataScope,
} from './jsonata.ts'
import { seeded } from './random.ts'

const scope: JsonataScope = {
  input: { order: { id: 'o1', lines: [{ qty: 2 }, { qty: 3 }] } },
  context: { Execution: { Name: 'run-1' } },
  variables: { discount: 0.5, tags: ['a'] },
}

async function failure(promise: Promise<unknown>): Promise<{ error: string; cause: string }> {
  try {
    await promise
  } catch (error) {
    const e = error as { error: string; cause: string }
    return { error: e.error, cause: e.cause }
  }
  throw new Error('expected a failure')
}

describe('isJsonataExpression', () => {
  it('accepts only the exact {% %} wrapping', () => {
    expect(['{% 1 %}', ' {% 1 %}', '{% 1', 1].map(isJsonataExpression)).toStrictEqual([
      true,
      false,
      false,
      false,
    ])
  })
})

describe('evaluateJsonata', () => {
  it('sees $states.input, $states.context and workflow variables', async () => {
    expect(
      await evaluateJsonata(
        '{% $sum($states.input.order.lines.qty) * $discount %}',
        scope,
        'Output',
      ),
    ).toBe(2.5)
    expect(await evaluateJsonata('{% $states.context.Execution.Name %}', scope, 'Output')).toBe(
      'run-1',
    )
    expect(await evaluateJsonata('{% $tags %}', scope, 'Output')).toStrictEqual(['a'])
  })

  it('offers $states.result and $states.errorOutput only when the scope has them', async () => {
    const withResult = { ...scope, result: { ok: true } }

    expect(await evaluateJsonata('{% $states.result.ok %}', withResult, 'Output')).toBe(true)
    expect((await failure(evaluateJsonata('{% $states.result %}', scope, 'Output'))).error).toBe(
      'States.QueryEvaluationError',
    )
    expect(
      await evaluateJsonata(
        '{% $states.errorOutput.Error %}',
        { ...scope, errorOutput: { Error: 'E' } },
        'Output',
      ),
    ).toBe('E')
  })

  it('returns plain JSON: sequences become arrays, singletons stay as JSONata gives them', async () => {
    const lines = await evaluateJsonata('{% $states.input.order.lines.qty %}', scope, 'Output')
    const one = await evaluateJsonata('{% $states.input.order.lines[0].qty %}', scope, 'Output')

    expect(lines).toStrictEqual([2, 3])
    expect(Object.keys(lines as object)).toStrictEqual(['0', '1'])
    expect(one).toBe(2)
  })

  it('reports an undefined result with AWS cause text', async () => {
    expect(await failure(evaluateJsonata('{% $nothing %}', scope, 'Assign/x'))).toStrictEqual({
      error: 'States.QueryEvaluationError',
      cause:
        "The JSONata expression '$nothing' specified for the field 'Assign/x' returned nothing (undefined).",
    })
  })

  it('reports evaluation errors with the jsonata code, and has no $eval', async () => {
    expect(await failure(evaluateJsonata('{% $notAFunction(1) %}', scope, 'Output'))).toStrictEqual(
      {
        error: 'States.QueryEvaluationError',
        cause:
          "The JSONata expression '$notAFunction(1)' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function",
      },
    )
    expect(
      (await failure(evaluateJsonata("{% $eval('1 + 1') %}", scope, 'Output'))).cause,
    ).toContain('T1006')
    expect((await failure(evaluateJsonata("{% 1 + 'a' %}", scope, 'Output'))).cause).toContain(
      'T2002',
    )
  })

  it('refuses a function as a result', async () => {
    expect((await failure(evaluateJsonata('{% function($x){$x} %}', scope, 'Items'))).cause).toBe(
      "The JSONata expression 'function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    )
  })

  it('stops runaway recursion with an error instead of hanging', async () => {
    const result = await failure(
      evaluateJsonata('{% ($f := function($n){ 1 + $f($n + 1) }; $f(0)) %}', scope, 'Output'),
    )

    expect(result.error).toBe('States.QueryEvaluationError')
    expect(result.cause).toContain('U1001')
  })

  it('provides AWS extra functions', async () => {
    const run = (expr: string): Promise<JsonValue> =>
      evaluateJsonata(`{% ${expr} %}`, scope, 'Output')

    expect(await run('$partition([1,2,3,4,5], 2)')).toStrictEqual([[1, 2], [3, 4], [5]])
    expect(await run('$partition([1], 2)')).toStrictEqual([[1]])
    expect(await run('$range(0, 10, 5)')).toStrictEqual([0, 5, 10])
    expect(await run('$range(1, 9, 9)')).toBe(1)
    expect(await run("$hash('abc', 'SHA-1')")).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(await run('$parse(\'{"a":[1]}\')')).toStrictEqual({ a: [1] })
    expect(await run('$random(7) = $random(7)')).toBe(true)
    const r = (await run('$random()')) as number
    expect(r >= 0 && r < 1).toBe(true)
  })

  it('draws $uuid and $random from the random source given', async () => {
    const uuid = (): Promise<JsonValue> =>
      evaluateJsonata('{% $uuid() %}', scope, 'Output', { random: seeded(1) })

    expect(await uuid()).toBe(await uuid())
    expect(await uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('reads $now() and $millis() from the clock given', async () => {
    const options = { now: () => Date.UTC(2030, 0, 2, 3, 4, 5) }

    expect(await evaluateJsonata('{% $millis() %}', scope, 'Output', options)).toBe(
      Date.UTC(2030, 0, 2, 3, 4, 5),
    )
    expect(await evaluateJsonata('{% $now() %}', scope, 'Output', options)).toBe(
      '2030-01-02T03:04:05.000Z',
    )
    expect(await evaluateJsonata("{% $now('[Y0001]') %}", scope, 'Output', options)).toBe('2030')
  })

  it('never changes the data it reads', async () => {
    const before = JSON.stringify(scope)

    await evaluateJsonata(
      '{% $sort($states.input.order.lines, function($a, $b){ $a.qty < $b.qty }) %}',
      scope,
      'Output',
    )
    await evaluateJsonata("{% $states.input ~> | order | {'id': 'changed'} | %}", scope, 'Output')
    await evaluateJsonata('{% $append($tags, ["b"]) %}', scope, 'Output')

    expect(JSON.stringify(scope)).toBe(before)
  })

  it('keeps __proto__ keys inert', async () => {
    const input = JSON.parse('{"x": {"__proto__": {"polluted": true}, "a": 1}}') as JsonValue
    const protoScope = { ...scope, input }

    const same = (await evaluateJsonata('{% $states.input.x %}', protoScope, 'Output')) as object
    await evaluateJsonata(
      '{% $merge([$states.input.x, {"__proto__": {"p": 1}}]) %}',
      protoScope,
      'Output',
    )

    expect(Object.keys(same)).toStrictEqual(['__proto__', 'a'])
    expect(Object.getPrototypeOf(same)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(({} as Record<string, unknown>)['p']).toBeUndefined()
  })

  it('reports a syntax error as a query evaluation error', async () => {
    expect((await failure(evaluateJsonata('{% $states.input. %}', scope, 'Output'))).error).toBe(
      'States.QueryEvaluationError',
    )
  })
})

describe('evaluateJsonataTemplate', () => {
  it('evaluates every {% %} string inside and extends the field per key', async () => {
    const out = await evaluateJsonataTemplate(
      { id: '{% $states.input.order.id %}', nested: { list: ['{% 1 + 1 %}', 'text'] }, n: 1 },
      scope,
      'Arguments',
    )

    expect(out).toStrictEqual({ id: 'o1', nested: { list: [2, 'text'] }, n: 1 })
    expect(
      (await failure(evaluateJsonataTemplate({ a: { b: '{% $none %}' } }, scope, 'Output'))).cause,
    ).toContain("for the field 'Output/a/b'")
  })
})

describe('expectJsonataType', () => {
  it('words a wrong type as AWS does', () => {
    expect(() => expectJsonataType("{% 'x' %}", 'x', 'Items', 'array')).toThrow(
      expect.objectContaining({
        error: 'States.QueryEvaluationError',
        cause:
          "The JSONata expression ''x'' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'string' for value: \"x\"",
      }),
    )
    expect(() => expectJsonataType('{% [] %}', [], 'Items', 'array')).not.toThrow()
  })
})
