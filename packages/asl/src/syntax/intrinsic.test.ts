import { describe, expect, it } from 'vitest'

import { parseIntrinsic } from './intrinsic.ts'

describe('parseIntrinsic', () => {
  it('reads literals, paths and nested calls as arguments', () => {
    const parsed = parseIntrinsic(
      "States.Format('{} is {}', $.who, States.MathAdd(1, -2.5), true, null)",
    )

    expect(parsed).toMatchObject({
      ok: true,
      call: {
        name: 'States.Format',
        args: [
          { kind: 'string', value: '{} is {}' },
          { kind: 'path', path: { text: '$.who' } },
          {
            kind: 'call',
            call: {
              name: 'States.MathAdd',
              args: [
                { kind: 'literal', value: 1 },
                { kind: 'literal', value: -2.5 },
              ],
            },
          },
          { kind: 'literal', value: true },
          { kind: 'literal', value: null },
        ],
      },
    })
  })

  it('resolves the four escapes and keeps the raw text for States.Format', () => {
    const parsed = parseIntrinsic("States.Format('it\\'s \\{\\} \\\\')")

    expect(parsed).toMatchObject({
      ok: true,
      call: { args: [{ kind: 'string', value: "it's {} \\", raw: "it\\'s \\{\\} \\\\" }] },
    })
  })

  it('accepts context and variable paths and an empty argument list', () => {
    expect(parseIntrinsic("States.StringSplit($$.Execution.Name, '-')").ok).toBe(true)
    expect(parseIntrinsic('States.Base64Encode($raw)').ok).toBe(true)
    expect(parseIntrinsic('States.UUID()').ok).toBe(true)
  })

  it('refuses other escapes, unknown functions and unbalanced calls', () => {
    const texts = [
      'States.Format(\'say \\"hi\\"\')',
      'States.Nope()',
      'States.Array(1, 2',
      'States.Array(1 2)',
      "States.Array('open)",
      'States.Array(1))',
    ]

    expect(texts.map((t) => parseIntrinsic(t).ok)).toStrictEqual(texts.map(() => false))
    expect(parseIntrinsic('States.Nope()')).toMatchObject({
      message: expect.stringContaining("'States.Nope' is not an intrinsic function"),
      position: 0,
    })
  })

  it('allows ten levels of nesting and refuses eleven', () => {
    const nest = (levels: number): string =>
      levels === 1 ? 'States.Array()' : `States.Array(${nest(levels - 1)})`

    expect(parseIntrinsic(nest(10)).ok).toBe(true)
    expect(parseIntrinsic(nest(11)).ok).toBe(false)
  })
})
