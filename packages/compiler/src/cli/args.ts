/** The flags a command accepts: booleans, single strings, or repeatable strings. */
export type FlagSpec = Readonly<Record<string, 'boolean' | 'string' | 'strings'>>

export interface ParsedArgs {
  readonly positionals: readonly string[]
  readonly flags: Readonly<Record<string, boolean | string | readonly string[]>>
}

/** A command line the user must fix: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/**
 * `--flag value`, `--flag=value`, `-h`; `--` ends flags. Unknown flags and missing values are
 * usage errors, never silently ignored.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = []
  const flags: Record<string, boolean | string | string[]> = {}
  const all: FlagSpec = { help: 'boolean', ...spec }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h') {
      flags['help'] = true
      continue
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option '${arg}'.`)
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    const kind = all[name]
    if (kind === undefined) throw new UsageError(`Unknown option '--${name}'.`)
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`Option '--${name}' takes no value.`)
      flags[name] = true
      continue
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i]
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`Option '--${name}' needs a value.`)
    }
    if (kind === 'string') flags[name] = value
    else flags[name] = [...((flags[name] as string[] | undefined) ?? []), ...value.split(',')]
  }
  return { positionals, flags }
}

export const stringFlag = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.flags[name]
  return typeof value === 'string' ? value : undefined
}

export const listFlag = (args: ParsedArgs, name: string): readonly string[] => {
  const value = args.flags[name]
  return Array.isArray(value) ? value : []
}

export const boolFlag = (args: ParsedArgs, name: string): boolean => args.flags[name] === true

/** `--type STANDARD|EXPRESS`. */
export function machineType(args: ParsedArgs): 'STANDARD' | 'EXPRESS' | undefined {
  const type = stringFlag(args, 'type')
  if (type === undefined) return undefined
  const upper = type.toUpperCase()
  if (upper !== 'STANDARD' && upper !== 'EXPRESS') {
    throw new UsageError(`--type must be STANDARD or EXPRESS, not '${type}'.`)
  }
  return upper
}

/** `--disable SFN255,SFN256`: lints switched off; an unknown code is a usage error, not ignored. */
export function disabledLints(args: ParsedArgs, known: readonly string[]): Record<string, false> {
  const off: Record<string, false> = {}
  for (const code of listFlag(args, 'disable')) {
    const upper = code.trim().toUpperCase()
    if (!known.includes(upper)) {
      throw new UsageError(`--disable takes lint codes (${known.join(', ')}), not '${code}'.`)
    }
    off[upper] = false
  }
  return off
}
