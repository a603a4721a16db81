import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { main } from '../src/cli/main.ts'
import { applySubstitutions } from '../src/substitutions.ts'
import { expectAslValidatorAccepts } from './second-opinion.ts'

// The first import of ts-morph and tsx takes seconds on a loaded 2-core machine; the work itself is fast.
vi.setConfig({ testTimeout: 30_000 })

const shop = fileURLToPath(new URL('./fixtures/shop', import.meta.url))
let temp: string

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'statewright-cli-'))
})
afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

/** Runs the CLI in process; temp paths in the output become <tmp> so snapshots are stable. */
async function cli(
  argv: string[],
  cwd = shop,
  extra: { signal?: AbortSignal; onCycle?: (code: number) => void; typeScriptFrom?: string } = {},
) {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    ...extra,
  })
  const clean = (text: string): string => text.replaceAll(temp, '<tmp>')
  return { code, stdout: clean(stdout), stderr: clean(stderr) }
}

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(temp, name)
  for (const [file, text] of Object.entries({ 'package.json': '{ "type": "module" }', ...files })) {
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(join(dir, file, '..'), { recursive: true }),
    )
    await writeFile(join(dir, file), text)
  }
  return dir
}

describe('main: usage', () => {
  test('prints the commands with --help, and exits 2 without a command', async () => {
    const help = await cli(['--help'])
    const none = await cli([])

    expect(help.code).toBe(0)
    expect(help.stdout).toMatchInlineSnapshot(`
      "statewright: compile, check, validate, draw and run AWS Step Functions workflows.

      Usage: statewright <command> [options]

      Commands:
        build      compile every exported workflow of a project and write its files
        check      report the diagnostics of every exported workflow, write nothing
        validate   validate ASL JSON files, ours or hand-written, as AWS would
        graph      print a Mermaid flowchart of a workflow or any ASL file
        run        execute a workflow (with its local handlers) or any ASL file locally

      Run 'statewright <command> --help' for a command's options.
      Exit codes: 0 ok (warnings allowed), 1 problems found, 2 usage error.
      "
    `)
    expect(none.code).toBe(2)
  })

  test('every command has --help', async () => {
    for (const command of ['build', 'check', 'validate', 'graph', 'run']) {
      const { code, stdout } = await cli([command, '--help'])

      expect(code).toBe(0)
      expect(stdout).toContain(`Usage: statewright ${command}`)
    }
  })

  test('unknown commands and options are usage errors (exit 2)', async () => {
    const unknownCommand = await cli(['deploy'])
    const unknownOption = await cli(['build', '--fast'])
    const missingValue = await cli(['build', '--out'])
    const badType = await cli(['validate', 'x.json', '--type', 'FAST'])
    const badLint = await cli(['check', '--disable', 'SFN999'])

    expect([
      unknownCommand.code,
      unknownOption.code,
      missingValue.code,
      badType.code,
      badLint.code,
    ]).toStrictEqual([2, 2, 2, 2, 2])
    expect([
      unknownCommand.stderr,
      unknownOption.stderr,
      missingValue.stderr,
      badType.stderr,
      badLint.stderr,
    ]).toMatchInlineSnapshot(`
      [
        "error SFN300: Unknown command 'deploy'. Commands: build, check, validate, graph, run. Run 'statewright --help'.
      ",
        "error SFN300: Unknown option '--fast'.
      Usage: statewright build [project] [--out dir] [--type STANDARD|EXPRESS] [--disable codes] [--no-typecheck] [--watch] [--json]
      Run 'statewright build --help' for details.
      ",
        "error SFN300: Option '--out' needs a value.
      Usage: statewright build [project] [--out dir] [--type STANDARD|EXPRESS] [--disable codes] [--no-typecheck] [--watch] [--json]
      Run 'statewright build --help' for details.
      ",
        "error SFN300: --type must be STANDARD or EXPRESS, not 'FAST'.
      Usage: statewright validate <file.asl.json…> [--type STANDARD|EXPRESS] [--disable codes] [--no-lints] [--aws] [--json]
      Run 'statewright validate --help' for details.
      ",
        "error SFN300: --disable takes lint codes (SFN250, SFN251, SFN252, SFN253, SFN254, SFN255, SFN256, SFN258), not 'SFN999'.
      Usage: statewright check [project] [--type STANDARD|EXPRESS] [--disable codes] [--no-typecheck] [--watch] [--json]
      Run 'statewright check --help' for details.
      ",
      ]
    `)
  })
})

describe('main: build and check', () => {
  test('build finds the exported workflows, writes ASL, schemas and substitutions, and summarises', async () => {
    const out = join(temp, 'build-out')

    const { code, stdout, stderr } = await cli(['build', '.', '--out', out])

    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatchInlineSnapshot(`
      "✓ OrderFlow (src/order.ts#orderFlow) → <tmp>/build-out/OrderFlow.asl.json: 3 states, 0 errors, 1 warning
        src/order.ts:20:41 warning SFN250 /States/Approve: Task 'Approve' waits for a task token (.waitForTaskToken) but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).
      ✓ RefundFlow (src/refund.ts#refundFlow) → <tmp>/build-out/RefundFlow.asl.json: 1 state, 0 errors, 0 warnings
      Built 2 of 2 workflows: 0 errors, 1 warning. Output in <tmp>/build-out.
      "
    `)
    expect((await readdir(out)).sort()).toStrictEqual([
      'OrderFlow.asl.json',
      'OrderFlow.input.schema.json',
      'OrderFlow.substitutions.json',
      'RefundFlow.asl.json',
      'RefundFlow.input.schema.json',
      'RefundFlow.output.schema.json',
      'RefundFlow.substitutions.json',
    ])
    expect(await readFile(join(out, 'OrderFlow.asl.json'), 'utf8')).toMatchInlineSnapshot(`
      "{
        "StartAt": "ProcessPayment",
        "States": {
          "ProcessPayment": {
            "Type": "Task",
            "Resource": "\${ProcessPaymentFunctionArn}",
            "Next": "Approve"
          },
          "Approve": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Next": "Done"
          },
          "Done": {
            "Type": "Succeed"
          }
        }
      }
      "
    `)
    for (const file of ['OrderFlow.asl.json', 'RefundFlow.asl.json']) {
      const built = JSON.parse(await readFile(join(out, file), 'utf8'))
      expectAslValidatorAccepts(
        applySubstitutions(built, {
          ProcessPaymentFunctionArn:
            'arn:aws:lambda:us-east-1:123456789012:function:ProcessPaymentFunction',
          RefundPaymentFunctionArn:
            'arn:aws:lambda:us-east-1:123456789012:function:RefundPaymentFunction',
        }),
      )
    }
    expect(
      JSON.parse(await readFile(join(out, 'OrderFlow.substitutions.json'), 'utf8')),
    ).toStrictEqual({
      ProcessPaymentFunctionArn: {
        kind: 'lambda-function-arn',
        functionName: 'ProcessPaymentFunction',
      },
    })
  })

  test('build output is byte-identical across runs', async () => {
    await cli(['build', '.', '--out', join(temp, 'first')])
    await cli(['build', '.', '--out', join(temp, 'second')])

    for (const file of await readdir(join(temp, 'first'))) {
      expect(await readFile(join(temp, 'second', file), 'utf8')).toBe(
        await readFile(join(temp, 'first', file), 'utf8'),
      )
    }
  })

  test('check --json reports each workflow with its diagnostics and writes nothing', async () => {
    const { code, stdout } = await cli(['check', '--json', '--disable', 'SFN250'])

    const report = JSON.parse(stdout)
    expect(code).toBe(0)
    expect(
      report.workflows.map((w: { name: string; ok: boolean; diagnostics: unknown[] }) => [
        w.name,
        w.ok,
        w.diagnostics.length,
      ]),
    ).toStrictEqual([
      ['OrderFlow', true, 0],
      ['RefundFlow', true, 0],
    ])
    expect(report.workflows[0].files).toStrictEqual([])
  })

  test('a file that does not compile, a module that throws and a project without workflows are reported with file and line', async () => {
    const broken = await project('broken', {
      'flow.ts':
        "const workflow = (name: string) => ({ name })\nexport const flow = workflow('Flow'\nexport const other = ;\n",
    })
    const throwing = await project('throwing', {
      'flow.ts':
        "const workflow = (name: string) => ({ name })\nconst config = JSON.parse('{}')\nif (!config.region) throw new Error('AWS_REGION is not set')\nexport const flow = workflow('Flow')\n",
    })
    const empty = await project('empty', { 'util.ts': 'export const answer = 42\n' })

    const results = [
      await cli(['check', broken]),
      await cli(['check', throwing]),
      await cli(['check', empty]),
    ]

    expect(results.map((r) => r.code)).toStrictEqual([1, 1, 1])
    expect(results.map((r) => r.stderr)).toMatchInlineSnapshot(`
      [
        "<tmp>/broken/flow.ts:3:1 error SFN304 /: 'flow.ts' does not compile: ',' expected (TS1005). Fix the syntax error; its workflows were skipped.
      <tmp>/broken/flow.ts:3:22 error SFN304 /: 'flow.ts' does not compile: Expression expected (TS1109). Fix the syntax error; its workflows were skipped.
      ",
        "<tmp>/throwing/flow.ts:3:27 error SFN305 /: Importing 'flow.ts' threw Error: AWS_REGION is not set. Fix the module so it can be imported without side effects failing.
      ",
        "<tmp>/empty error SFN306 /: No exported workflows found in this project. Export one from a .ts file: export const flow = workflow('Name', { input }, (start) => …).
      ",
      ]
    `)
  })

  test("a DSL mistake thrown while importing is reported under its own code at the user's line, and its workflows count as not built", async () => {
    const dir = fileURLToPath(new URL('./fixtures/dsl-mistakes', import.meta.url))

    const { code, stdout, stderr } = await cli(['check', dir], dir)
    const run = await cli(['run', 'retry.ts'], dir)

    expect([code, run.code]).toStrictEqual([1, 1])
    expect(stderr.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "dup.ts:5:20 error SFN101 /: Two different states are named 'Step' (created at <dir>/dup.ts:6:14 and at <dir>/dup.ts:6:33). State names must be unique in a workflow: give one of them another name, or reuse the same builder value.
      errors.ts:12:27 error SFN106 /: Expected a state or a chain of states (task(), pass(), choice(), succeed(), fail(), or start.next(…)).
      retry.ts:11:27 error SFN104 /: retry() on 'Charge' has intervalSeconds 0; it must be an integer of at least 1.
      "
    `)
    expect(stdout).toMatchInlineSnapshot(`
      "Checked 0 of 4 workflows: 3 errors, 0 warnings.
      "
    `)
    expect(run.stderr).toMatchInlineSnapshot(`
      "retry.ts:11:27 error SFN104 /: retry() on 'Charge' has intervalSeconds 0; it must be an integer of at least 1.
      "
    `)
  })

  test('workflows made by an exported factory call are found too; the factory itself is not one', async () => {
    const dir = await project('factory', {
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "export const makeFlow = (name: string) => workflow(name, { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        "export const made = makeFlow('Made')",
        '',
      ].join('\n'),
    })

    const { code, stdout } = await cli(['check', dir])

    expect(code).toBe(0)
    expect(stdout).toMatchInlineSnapshot(`
      "✓ Made (<tmp>/factory/flow.ts#made): 1 state, 0 errors, 0 warnings
      Checked 1 of 1 workflow: 0 errors, 0 warnings.
      "
    `)
  })

  test('a workflow AWS would reject gets no files; the others are still built', async () => {
    const workflowFn =
      'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })'
    const dir = await project('mixed', {
      'bad.ts': `${workflowFn}\nexport const bad = workflow('Bad', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Gone' } } })\n`,
      'good.ts': `${workflowFn}\nexport const good = workflow('Good', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })\n`,
    })
    const out = join(temp, 'mixed-out')

    const { code, stdout } = await cli(['build', dir, '--out', out])

    expect(code).toBe(1)
    expect(await readdir(out)).toStrictEqual(['Good.asl.json'])
    expect(stdout).toMatchInlineSnapshot(`
      "✗ Bad (<tmp>/mixed/bad.ts#bad): 1 state, 2 errors, 0 warnings
        <tmp>/mixed/bad.ts:2:14 error SFN210 /: Workflow has no terminal state
        <tmp>/mixed/bad.ts:2:14 error SFN208 /States/A/Next: Missing 'Next' target: Gone
      ✓ Good (<tmp>/mixed/good.ts#good) → <tmp>/mixed-out/Good.asl.json: 1 state, 0 errors, 0 warnings
      Built 1 of 2 workflows: 2 errors, 0 warnings. Output in <tmp>/mixed-out.
      "
    `)
  })

  test('statewright.config.ts sets the type, the lints and concrete ARNs', async () => {
    const dir = await project('ts-config', {
      'statewright.config.ts':
        "export default { type: 'EXPRESS', region: 'eu-west-1', account: '123456789012', lints: { SFN250: false } }\n",
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "export const flow = workflow('Express', { StartAt: 'Wait', States: { Wait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } }, End: true } } })",
        '',
      ].join('\n'),
    })

    const { code, stdout } = await cli(['check', dir, '--json'])

    expect(code).toBe(1)
    expect(
      JSON.parse(stdout).workflows[0].diagnostics.map((d: { code: string }) => d.code),
    ).toStrictEqual(['SFN227'])
  })

  test('a plain check type-checks: a type error skips its workflows; --no-typecheck or "typecheck": false lets it through', async () => {
    const flow = [
      'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
      "const name: number = 'Typed'",
      "export const flow = workflow(String(name), { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
      '',
    ].join('\n')
    const dir = await project('type-error', { 'flow.ts': flow })
    const off = await project('type-check-off', {
      'flow.ts': flow,
      'statewright.config.json': '{ "typecheck": false }',
    })

    const plain = await cli(['check', dir])
    const skipped = await cli(['check', dir, '--no-typecheck'])
    const configured = await cli(['check', off])
    const asked = await cli(['check', off, '--typecheck'])
    const both = await cli(['check', dir, '--typecheck', '--no-typecheck'])

    expect([plain.code, skipped.code, configured.code, asked.code, both.code]).toStrictEqual([
      1, 0, 0, 1, 2,
    ])
    expect(plain.stderr + plain.stdout).toMatchInlineSnapshot(`
      "<tmp>/type-error/flow.ts:2:7 error SFN304 /: 'flow.ts' does not type-check: Type 'string' is not assignable to type 'number' (TS2322). Fix the type error; its workflows were skipped.
      Checked 0 of 1 workflow: 1 error, 0 warnings.
      "
    `)
    expect(skipped.stdout).toContain('✓ Typed')
    expect(asked.stderr).toContain("does not type-check: Type 'string' is not assignable")
    expect(both.stderr.split('\n')[0]).toBe(
      'error SFN300: Pass --typecheck or --no-typecheck, not both.',
    )
  })

  test('a file with type errors counts as not built, whatever importing it (beside the type check) gave', async () => {
    const dir = await project('type-error-throws', {
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "const retries: number = 'three'",
        "if (typeof retries === 'string') throw new Error('not a number')",
        "export const flow = workflow('Throws', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
      'other.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "export const other = workflow('Other', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
    })

    const { code, stdout, stderr } = await cli(['check', dir], dir)

    expect(code).toBe(1)
    expect(stderr + stdout).toMatchInlineSnapshot(`
      "flow.ts:2:7 error SFN304 /: 'flow.ts' does not type-check: Type 'string' is not assignable to type 'number' (TS2322). Fix the type error; its workflows were skipped.
      ✓ Other (other.ts#other): 1 state, 0 errors, 0 warnings
      Checked 1 of 2 workflows: 1 error, 0 warnings.
      "
    `)
  })

  test("a plain check reports a state that reads a field the previous state does not produce, with tsc's text", async () => {
    const dir = fileURLToPath(new URL('./fixtures/field-typo', import.meta.url))
    const out = join(temp, 'field-typo-out')

    const checked = await cli(['check', dir], dir)
    const built = await cli(['build', dir, '--out', out], dir)
    const unchecked = await cli(['build', dir, '--out', out, '--no-typecheck'], dir)

    expect([checked.code, built.code, unchecked.code]).toStrictEqual([1, 1, 0])
    expect(checked.stderr + checked.stdout).toMatchInlineSnapshot(`
      "approval.ts:18:26 error SFN304 /: 'approval.ts' does not type-check: Property 'amout' does not exist on type 'Ref<{ orderId: string; amount: number; }>'. Did you mean 'amount'? (TS2551). Fix the type error; its workflows were skipped.
      Checked 0 of 1 workflow: 1 error, 0 warnings.
      "
    `)
    expect(built.stdout).toBe('Built 0 of 1 workflow: 1 error, 0 warnings.\n')
    // Unchecked, the typo reaches the ASL: the Choice reads a field no state writes.
    const asl = JSON.parse(await readFile(join(out, 'Approval.asl.json'), 'utf8'))
    expect(asl.States.Large.Choices[0].Variable).toBe('$.amout')
  })

  test('without TypeScript 7, a plain build warns that types were not checked and builds; --typecheck fails', async () => {
    const dir = await project('no-typescript', {
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "export const flow = workflow('Unchecked', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
    })
    // The project has no TypeScript, and neither has the place the CLI would fall back to.
    const nowhere = { typeScriptFrom: pathToFileURL(join(temp, 'no-cli', 'main.js')).href }
    const out = join(temp, 'no-typescript-out')

    const built = await cli(['build', dir, '--out', out], dir, nowhere)
    const asked = await cli(
      ['build', dir, '--out', join(temp, 'asked-out'), '--typecheck'],
      dir,
      nowhere,
    )
    const json = await cli(['check', dir, '--json'], dir, nowhere)

    expect([built.code, asked.code, json.code]).toStrictEqual([0, 1, 0])
    expect(built.stderr + built.stdout).toMatchInlineSnapshot(`
      ". warning SFN312 /: Types not checked: no TypeScript 7 or later was found from this project, so a state that reads a field the previous state does not produce goes unnoticed. Install it in the project: npm install --save-dev typescript@^7 (or pnpm add -D typescript@^7), or pass --no-typecheck.
      ✓ Unchecked (flow.ts#flow) → <tmp>/no-typescript-out/Unchecked.asl.json: 1 state, 0 errors, 0 warnings
      Built 1 of 1 workflow: 0 errors, 1 warning. Output in <tmp>/no-typescript-out.
      "
    `)
    expect(await readdir(out)).toStrictEqual(['Unchecked.asl.json'])
    expect(asked.stderr).toMatchInlineSnapshot(`
      ". error SFN312 /: The type check (--typecheck, or "typecheck": true in statewright.config.json) needs TypeScript 7 or later, and none was found from this project. Install it in the project: npm install --save-dev typescript@^7 (or pnpm add -D typescript@^7), or pass --no-typecheck.
      "
    `)
    expect(asked.stdout).toContain('Built 1 of 1 workflow: 1 error, 0 warnings.')
    expect(
      JSON.parse(json.stdout).diagnostics.map((d: { code: string; severity: string }) => [
        d.code,
        d.severity,
      ]),
    ).toStrictEqual([['SFN312', 'warning']])
  })

  test("the type check keeps tsc's build info in node_modules/.cache/statewright; the next check still reports the errors", async () => {
    const dir = await project('cached', {
      'node_modules/.keep': '',
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "const name: number = 'Cached'",
        "export const flow = workflow(String(name), { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
    })

    const first = await cli(['check', dir], dir)
    const second = await cli(['check', dir], dir)
    await writeFile(
      join(dir, 'flow.ts'),
      (await readFile(join(dir, 'flow.ts'), 'utf8')).replace("'Cached'", '7'),
    )
    const fixed = await cli(['check', dir], dir)

    expect([first.code, second.code, fixed.code]).toStrictEqual([1, 1, 0])
    expect(second.stderr).toBe(first.stderr)
    expect(first.stderr).toContain("Type 'string' is not assignable to type 'number' (TS2322)")
    const cache = await readdir(join(dir, 'node_modules', '.cache', 'statewright'))
    expect(cache).toHaveLength(1)
    expect(cache[0]).toMatch(/^typecheck-[0-9a-f]{24}\.tsbuildinfo$/)
    expect((await readdir(dir)).sort()).toStrictEqual(['flow.ts', 'node_modules', 'package.json'])
  })

  test('a tsconfig.json TypeScript 7 refuses makes the default check a warning, and an asked-for one an error', async () => {
    const dir = await project('old-tsconfig', {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'nodenext', baseUrl: '.', types: [] },
      }),
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "export const flow = workflow('Old', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
    })

    const plain = await cli(['check', dir], dir)
    const asked = await cli(['check', dir, '--typecheck'], dir)

    expect([plain.code, asked.code]).toStrictEqual([0, 1])
    expect((plain.stderr + plain.stdout).replace(/TypeScript 7\.[\d.]+/, 'TypeScript 7.x'))
      .toMatchInlineSnapshot(`
      "tsconfig.json warning SFN312 /: Types not checked: TypeScript 7.x cannot use the project's configuration: Option 'baseUrl' has been removed. Please remove it from your configuration. Use '"paths": {"*": ["./*"]}' instead (TS5102). Fix 'tsconfig.json' for TypeScript 7, or pass --no-typecheck.
      ✓ Old (flow.ts#flow): 1 state, 0 errors, 0 warnings
      Checked 1 of 1 workflow: 0 errors, 1 warning.
      "
    `)
    expect(asked.stderr).toMatchInlineSnapshot(`
      "tsconfig.json error SFN304 /: TypeScript could not check the project: Option 'baseUrl' has been removed. Please remove it from your configuration. Use '"paths": {"*": ["./*"]}' instead (TS5102). Fix the TypeScript configuration.
      "
    `)
  })

  test("--typecheck runs the project's TypeScript 7 over DSL workflows: correct ones pass, each error keeps tsc's text", async () => {
    const typed = fileURLToPath(new URL('./fixtures/typed', import.meta.url))

    const { code, stdout, stderr } = await cli(['check', typed, '--typecheck'], typed)

    expect(code).toBe(1)
    expect(stderr).toMatchInlineSnapshot(`
      "typo.ts:13:7 error SFN304 /: 'typo.ts' does not type-check: Type 'string' is not assignable to type 'number' (TS2322). Fix the type error; its workflows were skipped.
      typo.ts:16:58 error SFN304 /: 'typo.ts' does not type-check: Object literal may only specify known properties, but 'maxAtempts' does not exist in type 'RetryOptions'. Did you mean to write 'maxAttempts'? (TS2561). Fix the type error; its workflows were skipped.
      "
    `)
    expect(stdout).toMatchInlineSnapshot(`
      "✓ Good (good.ts#good): 1 state, 0 errors, 0 warnings
      Checked 1 of 2 workflows: 2 errors, 0 warnings.
      "
    `)
  })

  test("--typecheck uses the options of the project's tsconfig.json and leaves no file behind, even for a composite project", async () => {
    const dir = await project('composite', {
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          composite: true,
          strict: true,
          module: 'nodenext',
          types: [],
          noUnusedLocals: true,
          outDir: 'out',
        },
      }),
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        'const unused = 1',
        "export const flow = workflow('Composite', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
    })

    const { code, stderr } = await cli(['check', dir, '--typecheck'], dir)

    expect(code).toBe(1)
    expect(stderr).toMatchInlineSnapshot(`
      "flow.ts:2:7 error SFN304 /: 'flow.ts' does not type-check: 'unused' is declared but its value is never read (TS6133). Fix the type error; its workflows were skipped.
      "
    `)
    expect((await readdir(dir)).sort()).toStrictEqual(['flow.ts', 'package.json', 'tsconfig.json'])
  })

  test('--typecheck also reports the project modules a workflow imports; that workflow is still built', async () => {
    const dir = await project('imported-error', {
      'tasks.ts': "export const name: number = 'Imported'\n",
      'flow.ts': [
        "import { name } from './tasks.ts'",
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "export const flow = workflow(String(name), { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
    })

    const { code, stdout, stderr } = await cli(['check', dir, '--typecheck'], dir)

    expect(code).toBe(1)
    expect(stderr + stdout).toMatchInlineSnapshot(`
      "tasks.ts:1:14 error SFN304 /: 'tasks.ts' does not type-check: Type 'string' is not assignable to type 'number' (TS2322). Fix the type error (in a module the workflows import).
      ✓ Imported (flow.ts#flow): 1 state, 0 errors, 0 warnings
      Checked 1 of 1 workflow: 1 error, 0 warnings.
      "
    `)
  })

  test('an invalid configuration file is reported and nothing is built', async () => {
    const dir = await project('bad-config', {
      'statewright.config.json': '{ "type": "FAST", "output": "x" }',
      'flow.ts': 'export const x = 1\n',
    })

    const typo = await project('typo-config', {
      'statewright.config.json': '{ "regoin": "eu-west-1", "lints": { "SFN256": false } }',
      'flow.ts': 'export const x = 1\n',
    })
    const broken = await project('broken-config', {
      'statewright.config.json': '{ "region": "eu-west-1",\n  "out": }',
      'flow.ts': 'export const x = 1\n',
    })

    const results = [
      await cli(['build', dir]),
      await cli(['check', typo]),
      await cli(['check', broken]),
    ]

    expect(results.map((r) => r.code)).toStrictEqual([1, 1, 1])
    expect(results.map((r) => r.stderr)).toMatchInlineSnapshot(`
      [
        "<tmp>/bad-config/statewright.config.json error SFN308 /: The configuration field 'type' is not valid: Invalid option: expected one of "STANDARD"|"EXPRESS". See 'statewright build --help' for the fields.
      <tmp>/bad-config/statewright.config.json error SFN308 /: The configuration has an unknown field 'output'. Did you mean 'out'?
      ",
        "<tmp>/typo-config/statewright.config.json error SFN308 /: The configuration has an unknown field 'regoin'. Did you mean 'region'?
      ",
        "<tmp>/broken-config/statewright.config.json:2:10 error SFN302 /: 'statewright.config.json' is not valid JSON (Unexpected token '}'). Fix the syntax; 'statewright build --help' lists the fields.
      ",
      ]
    `)
  })

  test('--watch runs again after a change and stops when aborted', async () => {
    const dir = await project('watched', {
      'flow.ts': [
        'const workflow = (name: string, definition: object) => ({ name, toStateMachine: () => ({ definition, handlers: {} }) })',
        "export const flow = workflow('Watched', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })",
        '',
      ].join('\n'),
    })
    const controller = new AbortController()
    const cycles: number[] = []
    let next: (() => void) | undefined
    const cycle = () => new Promise<void>((resolve) => (next = resolve))
    let waiting = cycle()

    const done = cli(['check', dir, '--watch'], dir, {
      signal: controller.signal,
      onCycle: (code) => {
        cycles.push(code)
        next?.()
      },
    })
    await waiting
    waiting = cycle()
    await writeFile(
      join(dir, 'flow.ts'),
      "export const flow = workflow('Watched', { StartAt: 'A', States: {} })\nconst workflow = (n: string, d: object) => ({ name: n, toStateMachine: () => ({ definition: d, handlers: {} }) })\n",
    )
    await waiting
    controller.abort()
    const { code, stdout } = await done

    expect(cycles).toStrictEqual([0, 1])
    expect(code).toBe(1)
    expect(stdout).toContain('Watching . for changes')
  })
})

describe('main: validate', () => {
  test('validates hand-written ASL files and reports every problem with its path', async () => {
    const { code, stdout } = await cli(['validate', 'asl/valid.asl.json', 'asl/invalid.asl.json'])

    expect(code).toBe(1)
    expect(stdout).toMatchInlineSnapshot(`
      "✓ asl/valid.asl.json: 0 errors, 0 warnings
      ✗ asl/invalid.asl.json: 2 errors, 1 warning
        asl/invalid.asl.json:5:5 error SFN209 /States/Approve: State "Approve" is not reachable.
        asl/invalid.asl.json:4:32 error SFN208 /States/Start/Next: Missing 'Next' target: Nowhere
        asl/invalid.asl.json:5:5 warning SFN250 /States/Approve: Task 'Approve' waits for a task token (.waitForTaskToken) but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).
      2 files checked, 1 invalid (STANDARD).
      "
    `)
  })

  test('unreadable, non-JSON and 10,000-level-deep files get a clear message each', async () => {
    await writeFile(join(temp, 'broken.json'), '{\n  "StartAt": "A",\n  "States": {,\n}\n')
    await writeFile(join(temp, 'deep.json'), `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)

    const { code, stdout } = await cli(
      ['validate', 'missing.json', 'broken.json', 'deep.json'],
      temp,
    )

    expect(code).toBe(1)
    expect(stdout).toMatchInlineSnapshot(`
      "✗ missing.json: 1 error, 0 warnings
        missing.json error SFN301 /: Cannot read 'missing.json': it does not exist. Check the path and its permissions.
      ✗ broken.json: 1 error, 0 warnings
        broken.json:3:14 error SFN302 /: 'broken.json' is not valid JSON (Expected property name or '}'). Fix the syntax, or export the definition from a .ts file.
      ✗ deep.json: 1 error, 0 warnings
        deep.json error SFN303 /: 'deep.json' is nested more than 512 levels deep, so it cannot be checked or deployed safely. Flatten it: move deep branches or payloads into separate state machines.
      3 files checked, 3 invalid (STANDARD).
      "
    `)
  })

  test('--aws prints what CreateStateMachine would answer', async () => {
    await writeFile(join(temp, 'syntax.json'), '{ "StartAt": "A", "States": { ] }')

    const { code, stdout } = await cli(
      ['validate', '--aws', join(shop, 'asl/invalid.asl.json'), 'syntax.json'],
      temp,
    )

    expect(code).toBe(1)
    expect(stdout.replaceAll(shop, '<shop>')).toMatchInlineSnapshot(`
      "<shop>/asl/invalid.asl.json: Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/Start/Next, MISSING_TRANSITION_TARGET: State "Approve" is not reachable. at /States/Approve'
      syntax.json: Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: Unexpected character (']' (code 93)): was expecting double-quote to start field name
       at [Source: (String)"{ "StartAt": "A", "States": { ] }"; line: 1, column: 32]'
      "
    `)
  })

  test('--json gives one document, and --type EXPRESS applies Express restrictions', async () => {
    const { code, stdout } = await cli([
      'validate',
      'asl/invalid.asl.json',
      '--type',
      'EXPRESS',
      '--json',
      '--no-lints',
    ])

    expect(code).toBe(1)
    expect(
      JSON.parse(stdout).files[0].diagnostics.map(
        (d: { code: string; path: string }) => `${d.code} ${d.path}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN209 /States/Approve",
        "SFN227 /States/Approve/Resource",
        "SFN208 /States/Start/Next",
      ]
    `)
  })
})

describe('main: graph and run', () => {
  test('graph --json wraps the chart, and a workflow module is drawn from its compiled ASL', async () => {
    const { code, stdout } = await cli(['graph', 'src/refund.ts', '--json'])

    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toStrictEqual({
      command: 'graph',
      ok: true,
      mermaid: [
        'flowchart TD',
        '  start((Start))',
        '  finish((End))',
        '  s0["RefundPayment<br/><small>Task</small>"]',
        '  start --> s0',
        '  s0 --> finish',
        '',
      ].join('\n'),
    })
  })

  test('graph draws any ASL file as a Mermaid flowchart', async () => {
    const { code, stdout } = await cli(['graph', 'asl/valid.asl.json'])

    expect(code).toBe(0)
    expect(stdout).toMatchInlineSnapshot(`
      "flowchart TD
        start((Start))
        finish((End))
        s0["Greet<br/><small>Pass</small>"]
        s1{"Check<br/><small>Choice</small>"}
        s2(["Done<br/><small>Succeed</small>"])
        s3(["Failed<br/><small>Fail</small>"])
        start --> s0
        s0 --> s1
        s1 -- "$.greeting.greeting StringEquals #quot;hello#quot;" --> s2
        s1 -- "Default" --> s3
        s2 --> finish
        s3 --> finish
      "
    `)
  })

  test('graph refuses a definition AWS would reject, with the errors validate reports (exit 1)', async () => {
    const text = await cli(['graph', 'asl/invalid.asl.json'])
    const json = await cli(['graph', 'asl/invalid.asl.json', '--json'])

    expect([text.code, text.stdout, json.code]).toStrictEqual([1, '', 1])
    expect(text.stderr).toMatchInlineSnapshot(`
      "asl/invalid.asl.json:5:5 error SFN209 /States/Approve: State "Approve" is not reachable.
      asl/invalid.asl.json:4:32 error SFN208 /States/Start/Next: Missing 'Next' target: Nowhere
      'asl/invalid.asl.json' is not a valid state machine, so it is not drawn. Fix the 2 errors above.
      "
    `)
    expect(JSON.parse(json.stdout).diagnostics.map((d: { code: string }) => d.code)).toStrictEqual([
      'SFN209',
      'SFN208',
    ])
  })

  test('run executes a workflow with its local handlers and prints a trace', async () => {
    const out = join(temp, 'run-out')

    const { code, stdout } = await cli([
      'run',
      'src/refund.ts',
      '--input',
      '{"paymentId":"p-1"}',
      '--out',
      out,
    ])

    expect(code).toBe(0)
    expect(stdout).toMatchInlineSnapshot(`
      "wrote <tmp>/run-out/RefundFlow.asl.json
      → RefundPayment (Task)
      ← RefundPayment: {"refunded":true}
      SUCCEEDED in 0.000 s (simulated time)
      output: {"refunded":true}
      "
    `)
    const written = JSON.parse(await readFile(join(out, 'RefundFlow.asl.json'), 'utf8'))
    expect(written.StartAt).toBe('RefundPayment')
  })

  test('run stops at a callback task it cannot answer, or answers it with --callback-output', async () => {
    const input = '{"orderId":"1","amount":3}'

    const stopped = await cli(['run', 'src/order.ts', '--input', input])
    const answered = await cli([
      'run',
      'src/order.ts',
      '--input',
      input,
      '--callback-output',
      '{"approved":true}',
      '--json',
    ])

    expect(stopped.code).toBe(1)
    expect(stopped.stderr).toMatchInlineSnapshot(`
      "src/order.ts:20:41 warning SFN250 /States/Approve: Task 'Approve' waits for a task token (.waitForTaskToken) but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).
      "
    `)
    expect(stopped.stdout).toMatchInlineSnapshot(`
      "→ ProcessPayment (Task)
      ← ProcessPayment: {"paymentId":"pay-1"}
      → Approve (Task)
      ABORTED in 0.000 s (simulated time)
      error: Statewright.CallbackNotAnswered
      cause: A task waits for a task token, which statewright run cannot send. Pass --callback-output <json> to answer callbacks with SendTaskSuccess.
      "
    `)
    expect(answered.code).toBe(0)
    expect(JSON.parse(answered.stdout).output).toStrictEqual({ approved: true })
  })

  test('run --s3 reads Distributed Map items from, and writes results to, a local folder', async () => {
    const definition = {
      StartAt: 'Rows',
      States: {
        Rows: {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
            Parameters: { Bucket: 'data', Key: 'in/rows.csv' },
          },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Shape',
            States: {
              Shape: {
                Type: 'Pass',
                Parameters: { 'sku.$': '$.sku', 'qty.$': '$.qty' },
                End: true,
              },
            },
          },
          ResultWriter: {
            Resource: 'arn:aws:states:::s3:putObject',
            Parameters: { Bucket: 'data', Prefix: 'out' },
          },
          End: true,
        },
      },
    }
    const dir = await project('s3-run', {
      'map.asl.json': JSON.stringify(definition),
      'buckets/data/in/rows.csv': 'sku,qty\nbook,2\nlamp,1\n',
    })

    const { code, stdout } = await cli(['run', 'map.asl.json', '--s3', 'buckets', '--json'], dir)

    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.status).toBe('SUCCEEDED')
    expect(report.output.ResultWriterDetails.Bucket).toBe('data')
    const manifestKey: string = report.output.ResultWriterDetails.Key
    expect(manifestKey).toMatch(/^out\/.+\/manifest\.json$/)
    const manifest = JSON.parse(await readFile(join(dir, 'buckets/data', manifestKey), 'utf8'))
    const written = await readFile(
      join(dir, 'buckets/data', manifest.ResultFiles.SUCCEEDED[0].Key),
      'utf8',
    )
    expect(JSON.parse(written).map((r: { Output: string }) => JSON.parse(r.Output))).toStrictEqual([
      { sku: 'book', qty: '2' },
      { sku: 'lamp', qty: '1' },
    ])
  })

  test("run checks a workflow's input against its zod schema first, unless --no-input-check", async () => {
    const refused = await cli(['run', 'src/refund.ts', '--input', '{"paymentId":7}'])
    const unchecked = await cli([
      'run',
      'src/refund.ts',
      '--input',
      '{"paymentId":7}',
      '--no-input-check',
      '--json',
    ])

    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toBe(
      "src/refund.ts#refundFlow error SFN314 /: The input does not match the workflow's input schema: paymentId: Invalid input: expected string, received number. Fix the input, or pass --no-input-check to run it anyway (AWS does not check it).\n",
    )
    expect(JSON.parse(unchecked.stdout).status).toBe('SUCCEEDED')
  })

  test('run --child registers the state machines a startExecution task starts, by name', async () => {
    const parent = {
      StartAt: 'Ship',
      States: {
        Ship: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: {
            StateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:ShipOrder',
            'Input.$': '$',
          },
          OutputPath: '$.Output',
          TimeoutSeconds: 60,
          End: true,
        },
      },
    }
    const child = {
      StartAt: 'Label',
      States: {
        Label: {
          Type: 'Pass',
          Parameters: { 'tracking.$': "States.Format('T-{}', $.orderId)" },
          End: true,
        },
      },
    }
    const dir = await project('child-run', {
      'parent.asl.json': JSON.stringify(parent),
      'ShipOrder.asl.json': JSON.stringify(child),
      'other/label.asl.json': JSON.stringify(child),
    })
    const input = ['--input', '{"orderId":"7"}', '--json']

    const byFileName = await cli(
      ['run', 'parent.asl.json', '--child', 'ShipOrder.asl.json', ...input],
      dir,
    )
    const byGivenName = await cli(
      ['run', 'parent.asl.json', '--child', 'ShipOrder=other/label.asl.json', ...input],
      dir,
    )
    const missing = await cli(['run', 'parent.asl.json', ...input], dir)
    const misnamed = await cli(
      ['run', 'parent.asl.json', '--child', 'Other=ShipOrder.asl.json', ...input],
      dir,
    )
    const missingText = await cli(['run', 'parent.asl.json', '--input', '{"orderId":"7"}'], dir)
    const twice = await cli(
      [
        'run',
        'parent.asl.json',
        '--child',
        'ShipOrder.asl.json',
        '--child',
        'ShipOrder=other/label.asl.json',
      ],
      dir,
    )

    expect(byFileName.code).toBe(0)
    expect(JSON.parse(byFileName.stdout).output).toStrictEqual({ tracking: 'T-7' })
    expect(byGivenName.code).toBe(0)
    expect(JSON.parse(byGivenName.stdout).output).toStrictEqual({ tracking: 'T-7' })
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stdout).cause).toContain('Register the child')
    expect(JSON.parse(misnamed.stdout).cause).toContain('Error Code: StateMachineDoesNotExist')
    expect(missingText.stderr).toBe(
      'hint: a task started a state machine that is not registered: pass it with --child <file> (named as its ARN ends, or Name=file).\n',
    )
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain(
      "--child 'ShipOrder=other/label.asl.json': a child named 'ShipOrder' is already registered.",
    )
  })

  test('run traces each branch and iteration of a Parallel or inline Map one level under it, tagged with its index', async () => {
    const pass = (name: string, extra = {}) => ({
      StartAt: name,
      States: { [name]: { Type: 'Pass', End: true, ...extra } },
    })
    const dir = await project('trace', {
      'fan.asl.json': JSON.stringify({
        StartAt: 'Fan',
        States: {
          Fan: {
            Type: 'Parallel',
            Branches: [
              pass('Left', { Result: 'l' }),
              {
                StartAt: 'Each',
                States: {
                  Each: {
                    Type: 'Map',
                    ItemsPath: '$.items',
                    ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...pass('Reserve') },
                    End: true,
                  },
                },
              },
            ],
            Next: 'Done',
          },
          Done: { Type: 'Pass', End: true },
        },
      }),
    })

    const { code, stdout } = await cli(['run', 'fan.asl.json', '--input', '{"items":[1,2,3]}'], dir)

    expect(code).toBe(0)
    expect(stdout).toMatchInlineSnapshot(`
      "→ Fan (Parallel)
        [0] → Left (Pass)
        [1] → Each (Map)
          [1][0] → Reserve (Pass)
          [1][1] → Reserve (Pass)
          [1][2] → Reserve (Pass)
        [0] ← Left: "l"
          [1][0] ← Reserve: 1
          [1][1] ← Reserve: 2
          [1][2] ← Reserve: 3
        [1] ← Each: [1,2,3]
      ← Fan: ["l",[1,2,3]]
      → Done (Pass)
      ← Done: ["l",[1,2,3]]
      SUCCEEDED in 0.000 s (simulated time)
      output: ["l",[1,2,3]]
      "
    `)
  })

  test('run answers the tasks of hand-written ASL from a Step Functions Local mock config; without one, the hint names the CLI options', async () => {
    const dir = await project('mocked', {
      'charge.asl.json': JSON.stringify({
        StartAt: 'Charge',
        States: {
          Charge: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'ChargeCard', 'Payload.$': '$' },
            OutputPath: '$.Payload',
            Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 1 }],
            End: true,
          },
        },
      }),
      'mocks.json': JSON.stringify({
        StateMachines: { charge: { TestCases: { Throttled: { Charge: 'ThrottledThenOk' } } } },
        MockedResponses: {
          ThrottledThenOk: {
            '0': { Throw: { Error: 'Lambda.TooManyRequestsException', Cause: 'slow down' } },
            '1': { Return: { StatusCode: 200, Payload: { charged: true } } },
          },
        },
      }),
    })
    const mocks = ['--mock-config', 'mocks.json', '--mock-test-case']

    const unmocked = await cli(['run', 'charge.asl.json'], dir)
    const mocked = await cli(['run', 'charge.asl.json', ...mocks, 'Throttled'], dir)
    const wrongCase = await cli(['run', 'charge.asl.json', ...mocks, 'Happy'], dir)
    const wrongName = await cli(
      ['run', 'charge.asl.json', ...mocks, 'Throttled', '--name', 'Pay'],
      dir,
    )
    const half = await cli(['run', 'charge.asl.json', '--mock-config', 'mocks.json'], dir)

    expect([unmocked.code, mocked.code, wrongCase.code, wrongName.code, half.code]).toStrictEqual([
      1, 0, 1, 1, 2,
    ])
    expect(unmocked.stderr).toMatchInlineSnapshot(`
      "hint: statewright run cannot call this task's service. Answer it from a Step Functions Local mock config: --mock-config <file.json> --mock-test-case <name> (the state machine listed as 'charge', or pass --name).
      "
    `)
    expect(mocked.stdout).toMatchInlineSnapshot(`
      "→ Charge (Task)
      ✗ TaskFailed Lambda.TooManyRequestsException: slow down
      ← Charge: {"charged":true}
      SUCCEEDED in 1.000 s (simulated time)
      output: {"charged":true}
      "
    `)
    expect([wrongCase.stderr, wrongName.stderr, half.stderr.split('\n')[0]]).toMatchInlineSnapshot(`
      [
        "mocks.json error SFN313 /: 'mocks.json' has no test case 'Happy' for 'charge'. Add it under TestCases. Its test cases: Throttled.
      ",
        "mocks.json error SFN313 /: 'mocks.json' has no state machine 'Pay' with TestCases (it has 'charge'). Add it under StateMachines, or pass --name <its name in the file>.
      ",
        "error SFN300: --mock-config 'mocks.json' needs --mock-test-case <name>: which of its TestCases to run.",
      ]
    `)
  })

  test('run executes hand-written ASL, and refuses an invalid one', async () => {
    const valid = await cli(['run', 'asl/valid.asl.json', '--input', '{}', '--json'])
    const invalid = await cli(['run', 'asl/invalid.asl.json'])

    expect(valid.code).toBe(0)
    const report = JSON.parse(valid.stdout)
    expect([report.status, report.output]).toStrictEqual([
      'SUCCEEDED',
      { greeting: { greeting: 'hello' } },
    ])
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toMatchInlineSnapshot(`
      "asl/invalid.asl.json:5:5 error SFN209 /States/Approve: State "Approve" is not reachable.
      asl/invalid.asl.json:4:32 error SFN208 /States/Start/Next: Missing 'Next' target: Nowhere
      "
    `)
  })

  test('run reports a module with a syntax error at the line esbuild names, as SFN304', async () => {
    const dir = await project('run-syntax', {
      'flow.ts': "export const a = 1\nexport const flow = workflow('F'\nexport const b = 2\n",
    })

    const { code, stderr } = await cli(['run', 'flow.ts'], dir)

    expect(code).toBe(1)
    expect(stderr).toMatchInlineSnapshot(`
      "flow.ts:3:1 error SFN304 /: 'flow.ts' does not compile: Expected ")" but found "export". Fix the syntax error; its workflows were skipped.
      "
    `)
  })

  test('run reports a missing file (exit 1) and input that is not JSON (exit 2)', async () => {
    const missing = await cli(['run', 'src/missing.ts'])
    const badInput = await cli(['run', 'asl/valid.asl.json', '--input', '{bad'])

    expect([missing.code, badInput.code]).toStrictEqual([1, 2])
    expect([missing.stderr, badInput.stderr.split('\n')[0]]).toMatchInlineSnapshot(`
      [
        "src/missing.ts error SFN301 /: Cannot read 'src/missing.ts': it does not exist. Check the path.
      ",
        "error SFN300: '--input' is not valid JSON (Expected property name or '}'). Give the execution input as JSON, e.g. --input '{"orderId":"1"}'.",
      ]
    `)
  })

  test('the hand-written fixture passes asl-validator too', async () => {
    expectAslValidatorAccepts(JSON.parse(await readFile(join(shop, 'asl/valid.asl.json'), 'utf8')))
  })
})

describe('bin/statewright.js', () => {
  const bin = fileURLToPath(new URL('../bin/statewright.js', import.meta.url))
  const node = (script: string, args: string[], cwd: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [script, ...args], { cwd }, (error, stdout, stderr) =>
        done({ code: error ? (error.code as number) : 0, stdout, stderr }),
      )
    })

  test('runs from any directory of a checkout, built or not, with the exit code of the command', async () => {
    const [valid, invalid] = await Promise.all([
      node(bin, ['validate', 'asl/valid.asl.json'], shop),
      node(bin, ['validate', 'asl/invalid.asl.json'], shop),
    ])

    expect([valid.code, valid.stderr, invalid.code]).toStrictEqual([0, '', 1])
    expect(valid.stdout).toMatchInlineSnapshot(`
      "✓ asl/valid.asl.json: 0 errors, 0 warnings
      1 file checked, 0 invalid (STANDARD).
      "
    `)
  })

  test('without its built code and without tsx to run its sources, it says to build, in one line', async () => {
    const copy = join(temp, 'unbuilt', 'bin', 'statewright.js')
    await mkdir(join(copy, '..'), { recursive: true })
    await writeFile(copy, await readFile(bin, 'utf8'))

    const { code, stdout, stderr } = await node(copy, ['check'], temp)

    expect([code, stdout]).toStrictEqual([1, ''])
    expect(stderr).toMatchInlineSnapshot(`
      "error: the statewright CLI is not built (no dist/cli/bin.js) and cannot run from its sources here. Run \`pnpm build\` first.
      "
    `)
  })
})
