import { watch } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { parseArgs, UsageError, type FlagSpec, type ParsedArgs } from './args.ts'
import { runGraph } from './commands/graph.ts'
import { runProjectCommand } from './commands/project.ts'
import { runRun } from './commands/run.ts'
import { runValidate } from './commands/validate.ts'
import { displayPath, type CliIo } from './io.ts'

interface Command {
  readonly summary: string
  readonly usage: string
  readonly flags: FlagSpec
  readonly details: string
  readonly run: (args: ParsedArgs, io: CliIo) => Promise<number>
}

const PROJECT_FLAGS = `
  --out <dir>          where to write (build only; default dist/statewright, or "out" in the config)
  --type <type>        STANDARD (default) or EXPRESS: EXPRESS refuses .sync, callbacks, activities
  --disable <codes>    switch lints off, e.g. --disable SFN255,SFN256
  --no-typecheck       skip the type check. By default the files that define workflows (and the
                       project's modules they import) first go through the project's TypeScript 7
                       tsc with its nearest tsconfig.json: a state that reads a field the previous
                       state does not produce is an error (SFN304, tsc's text) and that file's
                       workflows are skipped. Without TypeScript 7: warning SFN312, nothing skipped
  --typecheck          require the type check: without TypeScript 7 it is an error (SFN312)
  --watch              run again whenever a file of the project changes
  --json               print one JSON document instead of text

Finds exported workflow(...) values in the project's .ts files by reading the code (tests,
.d.ts files, node_modules and dist are skipped), imports those modules, and compiles each workflow.
An optional statewright.config.json (or statewright.config.ts, default export) may set:
  include, exclude (globs), out, type, lints ({ "SFN256": false }), region, account, partition,
  typecheck (false: never type-check, like --no-typecheck; true: require it, like --typecheck).`

const COMMANDS: Readonly<Record<string, Command>> = {
  build: {
    summary: 'compile every exported workflow of a project and write its files',
    usage:
      'statewright build [project] [--out dir] [--type STANDARD|EXPRESS] [--disable codes] [--no-typecheck] [--watch] [--json]',
    flags: {
      out: 'string',
      type: 'string',
      disable: 'strings',
      typecheck: 'boolean',
      'no-typecheck': 'boolean',
      watch: 'boolean',
      json: 'boolean',
    },
    details: `Writes <Name>.asl.json (prettier-formatted, byte-identical across runs),
<Name>.input.schema.json / <Name>.output.schema.json (JSON Schema from the workflow's zod schemas) and
<Name>.substitutions.json (what each \${...} placeholder stands for, for CDK, SAM and CloudFormation
DefinitionSubstitutions or Terraform templatefile). A workflow with errors gets no files.
${PROJECT_FLAGS}`,
    run: async (args, io) => (await runProjectCommand('build', args, io)).code,
  },
  check: {
    summary: 'report the diagnostics of every exported workflow, write nothing',
    usage:
      'statewright check [project] [--type STANDARD|EXPRESS] [--disable codes] [--no-typecheck] [--watch] [--json]',
    flags: {
      type: 'string',
      disable: 'strings',
      typecheck: 'boolean',
      'no-typecheck': 'boolean',
      watch: 'boolean',
      json: 'boolean',
    },
    details: PROJECT_FLAGS.replace(/\n {2}--out[^\n]*/, ''),
    run: async (args, io) => (await runProjectCommand('check', args, io)).code,
  },
  validate: {
    summary: 'validate ASL JSON files, ours or hand-written, as AWS would',
    usage:
      'statewright validate <file.asl.json…> [--type STANDARD|EXPRESS] [--disable codes] [--no-lints] [--aws] [--json]',
    flags: {
      type: 'string',
      disable: 'strings',
      'no-lints': 'boolean',
      aws: 'boolean',
      json: 'boolean',
    },
    details: `
  --type <type>        STANDARD (default) or EXPRESS
  --disable <codes>    switch lints off, e.g. --disable SFN254
  --no-lints           report only what AWS would reject
  --aws                print AWS's own answer (CreateStateMachine's InvalidDefinition message)
  --json               print one JSON document instead of text

Checks every rule AWS applies at CreateStateMachine (errors) and the resilience lints (warnings).`,
    run: runValidate,
  },
  graph: {
    summary: 'print a Mermaid flowchart of a workflow or any ASL file',
    usage:
      'statewright graph <workflow.ts|file.asl.json> [--export name] [--out file.mmd] [--json]',
    flags: { export: 'string', out: 'string', json: 'boolean' },
    details: `
  --export <name>      which export of the module (needed when it exports several workflows)
  --out <file>         write the chart to a file instead of printing it
  --json               print { command, ok, mermaid } instead of the chart

A definition AWS would reject is not drawn: its errors are printed as validate prints them (exit 1).`,
    run: runGraph,
  },
  run: {
    summary: 'execute a workflow (with its local handlers) or any ASL file locally',
    usage:
      'statewright run <workflow.ts|file.asl.json> [--input json|@file] [--export name] [--out dir] [--s3 dir] [--child [Name=]file] [--mock-config file --mock-test-case name] [--name name] [--callback-output json] [--no-input-check] [--json]',
    flags: {
      input: 'string',
      export: 'string',
      out: 'string',
      type: 'string',
      'callback-output': 'string',
      s3: 'string',
      child: 'strings',
      'mock-config': 'string',
      'mock-test-case': 'string',
      name: 'string',
      'no-input-check': 'boolean',
      json: 'boolean',
    },
    details: `
  --input <json|@file> the execution input (default {}), inline or from a file; a workflow's input
                       is checked against its zod input schema first (--no-input-check skips that)
  --export <name>      which export of the module (needed when it exports several workflows)
  --out <dir>          also write the compiled <Name>.asl.json there
  --type <type>        STANDARD (default) or EXPRESS
  --callback-output <json>  answer every .waitForTaskToken task with this output (SendTaskSuccess);
                       without it, the run stops at the first callback task
  --s3 <dir>           stand in for S3 with a local folder (one sub-folder per bucket): Distributed
                       Map ItemReader reads from it and ResultWriter writes into it
  --child <[Name=]file[#export]>  a state machine the workflow starts (states:startExecution), run
                       in process; repeatable. Registered under the workflow's name, or an ASL
                       file's name without .asl.json, or Name
  --mock-config <file> a Step Functions Local MockConfigFile: its mocked responses answer Task
                       states (with --mock-test-case); how hand-written ASL runs its tasks
  --mock-test-case <name>  which TestCases entry of the mock config to use
  --name <name>        the state machine's name (its MockConfigFile key, $$.StateMachine.Name);
                       default the workflow's name, or the ASL file's name without .asl.json
  --json               print one JSON document (status, output, error, cause, trace)

Prints each state entered and its output, then the final status. Runs on a virtual clock: Wait
states, retry back-off and timeouts take no real time. Exit code 0 when the execution succeeds.`,
    run: runRun,
  },
}

const GENERAL_HELP = `statewright: compile, check, validate, draw and run AWS Step Functions workflows.

Usage: statewright <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join('\n')}

Run 'statewright <command> --help' for a command's options.
Exit codes: 0 ok (warnings allowed), 1 problems found, 2 usage error.
`

const helpOf = (name: string, command: Command): string =>
  `statewright ${name}: ${command.summary}.\n\nUsage: ${command.usage}\n${command.details}\n`

function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  }
}

/**
 * The `statewright` command line, callable in process: returns the exit code (0 ok, 1 problems
 * found, 2 usage error) and never throws for bad input.
 * @example
 * const code = await main(['validate', 'order.asl.json'])
 * // prints "✓ order.asl.json: 0 errors, 0 warnings" and resolves to 0
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const cli: CliIo = { ...defaultIo(), ...io }
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined
    const command = topic === undefined ? undefined : COMMANDS[topic]
    cli.stdout(command && topic ? helpOf(topic, command) : GENERAL_HELP)
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    cli.stderr(
      `error SFN300: Unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}. Run 'statewright --help'.\n`,
    )
    return 2
  }
  try {
    const args = parseArgs(rest, command.flags)
    if (args.flags['help'] === true) {
      cli.stdout(helpOf(name, command))
      return 0
    }
    if (args.flags['watch'] === true)
      return await watchProject(name as 'build' | 'check', args, cli)
    return await command.run(args, cli)
  } catch (error) {
    if (error instanceof UsageError) {
      cli.stderr(
        `error SFN300: ${error.message}\nUsage: ${command.usage}\nRun 'statewright ${name} --help' for details.\n`,
      )
      return 2
    }
    // Anything else is our bug: say so in one line, with the stack only on request.
    const err = error instanceof Error ? error : new Error(String(error))
    cli.stderr(
      `error: statewright ${name} failed unexpectedly: ${err.message}\nThis is a bug in Statewright; please report it${process.env['STATEWRIGHT_DEBUG'] ? `\n${err.stack}` : ' (set STATEWRIGHT_DEBUG=1 for details)'}.\n`,
    )
    return 1
  }
}

/**
 * `build --watch` / `check --watch`: one pass, then one more after each burst of changes to the
 * project's files (its output directory and node_modules excluded), until `io.signal` aborts.
 */
async function watchProject(
  command: 'build' | 'check',
  args: ParsedArgs,
  io: CliIo,
): Promise<number> {
  // tsc's incremental state, kept for the session (outside the project, so no change is seen):
  // each cycle's type check then re-checks only what changed.
  const buildInfo = join(
    tmpdir(),
    `statewright-watch-${process.pid}-${Math.random().toString(36).slice(2)}.tsbuildinfo`,
  )
  const forget = (): Promise<void> => rm(buildInfo, { force: true })
  const first = await runProjectCommand(command, args, io, buildInfo)
  let code = first.code
  io.onCycle?.(code)
  const signal = io.signal
  if (signal?.aborted) {
    await forget()
    return code
  }
  io.stdout(`Watching ${displayPath(first.projectDir, io.cwd)} for changes (Ctrl+C to stop)…\n`)
  const ignored = (file: string): boolean => {
    const full = `${first.projectDir}${sep}${file}`
    return (
      full.startsWith(`${first.outDir}${sep}`) ||
      file.split(sep).includes('node_modules') ||
      !/\.(m?ts|json)$/.test(file)
    )
  }
  return new Promise<number>((resolvePromise) => {
    let timer: NodeJS.Timeout | undefined
    let running = Promise.resolve()
    const watcher = watch(first.projectDir, { recursive: true }, (_event, file) => {
      if (file === null || ignored(String(file))) return
      clearTimeout(timer)
      // A save often fires several events; one pass after they settle.
      timer = setTimeout(() => {
        running = running.then(async () => {
          io.stdout(`\nChange in ${String(file)}; running ${command} again.\n`)
          code = (await runProjectCommand(command, args, io, buildInfo)).code
          io.onCycle?.(code)
        })
      }, 100)
    })
    const stop = (): void => {
      clearTimeout(timer)
      watcher.close()
      void running.then(forget).then(() => resolvePromise(code))
    }
    if (signal) signal.addEventListener('abort', stop, { once: true })
  })
}
