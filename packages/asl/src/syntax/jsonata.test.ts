import { describe, expect, it } from 'vitest'

import { isJsonataString, parseJsonata } from './jsonata.ts'

describe('isJsonataString', () => {
  it('needs the exact {% %} delimiters', () => {
    expect(
      ['{% 1 %}', '{%1%}', ' {% 1 %}', '{% 1 %} ', '{%%', 3].map(isJsonataString),
    ).toStrictEqual([true, true, false, false, false, false])
  })
})

describe('parseJsonata', () => {
  it('returns the body and the AST of a valid expression', () => {
    const parsed = parseJsonata('{% $states.input.a + 1 %}')

    expect(parsed).toMatchObject({
      ok: true,
      body: ' $states.input.a + 1 ',
      ast: { type: 'binary' },
    })
  })

  it('reports a syntax error with the position in the whole string', () => {
    expect(parseJsonata('{% $states.input. %}')).toMatchObject({
      ok: false,
      code: 'S0207',
      position: 18,
    })
    expect(parseJsonata('{%  %}')).toMatchObject({ ok: false, code: 'EMPTY' })
    expect(parseJsonata('$.a')).toMatchObject({ ok: false, code: 'DELIMITERS' })
  })
})
