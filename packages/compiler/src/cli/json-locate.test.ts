import { describe, expect, test } from 'vitest'
import { lineOfPath, locateJsonPaths } from './json-locate.ts'

const text = `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Catch": [
        { "ErrorEquals": ["States.ALL"], "Next": "B" },
        { "ErrorEquals": ["X"], "Next": "C\\"quoted" }
      ],
      "End": true
    }
  }
}`

describe('locateJsonPaths', () => {
  test('finds keys and array elements by the path the validator reports', () => {
    const paths = locateJsonPaths(text)

    expect(lineOfPath(text, paths, '/StartAt')).toStrictEqual({ line: 2, column: 3 })
    expect(lineOfPath(text, paths, '/States/A/Catch[1]/Next')).toStrictEqual({
      line: 8,
      column: 33,
    })
    expect(lineOfPath(text, paths, '/States/A/Catch[0]/ErrorEquals[0]')).toStrictEqual({
      line: 7,
      column: 27,
    })
    expect(lineOfPath(text, paths, '/States/A/End')).toStrictEqual({ line: 10, column: 7 })
  })

  test('falls back to the nearest ancestor, and to the document for the root', () => {
    const paths = locateJsonPaths(text)

    expect(lineOfPath(text, paths, '/States/A/Retry[0]')).toStrictEqual({ line: 4, column: 5 })
    expect(lineOfPath(text, paths, '/')).toStrictEqual({ line: 1, column: 1 })
    expect(lineOfPath(text, paths, '')).toStrictEqual({ line: 1, column: 1 })
  })
})
