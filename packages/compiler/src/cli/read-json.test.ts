import { describe, expect, test } from 'vitest'
import { jsonErrorOffset, parseJsonText } from './read-json.ts'

describe('jsonErrorOffset', () => {
  test('is undefined for valid JSON and agrees with JSON.parse on what is valid', () => {
    const valid = ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0']
    const invalid = [
      '{"a": }',
      '[1,]',
      '{"a" 1}',
      '01',
      '"tab\there"',
      '{"a": 1} x',
      '[',
      '',
      'nul',
    ]

    expect(valid.map(jsonErrorOffset)).toStrictEqual(valid.map(() => undefined))
    expect(invalid.map(jsonErrorOffset)).toStrictEqual([6, 3, 5, 1, 4, 9, 1, 0, 0])
    for (const text of invalid) expect(() => JSON.parse(text)).toThrow()
  })

  test('finds a fault under 100,000 levels of nesting without overflowing the stack', () => {
    const text = `${'['.repeat(100_000)}x`

    expect(jsonErrorOffset(text)).toBe(100_000)
  })
})

describe('parseJsonText', () => {
  test('a syntax error has its line and column and the engine message without the quoted text', () => {
    const parsed = parseJsonText('{ "region": "eu-west-1",\n  "out": }', 'config.json', 'Fix it.')

    expect(parsed.ok ? undefined : parsed.diagnostic.file).toBe('config.json:2:10')
    expect(parsed.ok ? undefined : parsed.diagnostic.message).toMatch(
      /^'config\.json' is not valid JSON \([^"]*\)\. Fix it\.$/,
    )
  })
})
