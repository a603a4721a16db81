import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findTypeScript, parseTscOutput, typeCheck } from './typecheck.ts'

let temp: string

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'statewright-tsc-'))
})
afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('parseTscOutput', () => {
  test('reads located and global problems, joining the lines of a chained message', () => {
    const output = [
      "src/a.ts(3,5): error TS2322: Type '{ x: string; }' is not assignable to type 'T'.",
      "  Types of property 'x' are incompatible.",
      "    Type 'string' is not assignable to type 'number'.",
      "error TS5058: The specified path does not exist: '/p/none.json'.",
      '',
    ].join('\n')

    expect(parseTscOutput(output, '/p')).toStrictEqual([
      {
        file: '/p/src/a.ts',
        line: 3,
        column: 5,
        severity: 'error',
        code: 2322,
        message:
          "Type '{ x: string; }' is not assignable to type 'T'. Types of property 'x' are incompatible. Type 'string' is not assignable to type 'number'.",
      },
      {
        file: undefined,
        line: 1,
        column: 1,
        severity: 'error',
        code: 5058,
        message: "The specified path does not exist: '/p/none.json'.",
      },
    ])
  })
})

describe('typeCheck without TypeScript 7', () => {
  test('asked for, it is an error that says which TypeScript it found and how to install version 7', async () => {
    // A project whose TypeScript is 5.x, and a CLI location that resolves none at all.
    const dir = join(temp, 'old-ts')
    await mkdir(join(dir, 'node_modules', 'typescript'), { recursive: true })
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }')
    await writeFile(
      join(dir, 'node_modules', 'typescript', 'package.json'),
      '{ "name": "typescript", "version": "5.4.5", "bin": { "tsc": "./bin/tsc" } }',
    )
    const nowhere = pathToFileURL(join(temp, 'cli', 'main.js')).href

    const found = findTypeScript(dir, nowhere)
    const asked = await typeCheck(dir, [join(dir, 'flow.ts')], {
      required: true,
      fallbackFrom: nowhere,
    })
    const unasked = await typeCheck(dir, [join(dir, 'flow.ts')], { fallbackFrom: nowhere })

    expect(found).toStrictEqual({ tooOld: [`5.4.5 at ${join(dir, 'node_modules', 'typescript')}`] })
    const shown = (diagnostics: typeof asked) =>
      diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`.replaceAll(temp, '<tmp>'))
    expect(shown(asked)).toStrictEqual([
      'error SFN312 The type check (--typecheck, or "typecheck": true in statewright.config.json) needs TypeScript 7 or later, and none was found from this project (found only TypeScript 5.4.5 at <tmp>/old-ts/node_modules/typescript). Install it in the project: npm install --save-dev typescript@^7 (or pnpm add -D typescript@^7), or pass --no-typecheck.',
    ])
    expect(shown(unasked)).toStrictEqual([
      'warning SFN312 Types not checked: no TypeScript 7 or later was found from this project (found only TypeScript 5.4.5 at <tmp>/old-ts/node_modules/typescript), so a state that reads a field the previous state does not produce goes unnoticed. Install it in the project: npm install --save-dev typescript@^7 (or pnpm add -D typescript@^7), or pass --no-typecheck.',
    ])
  })
})
