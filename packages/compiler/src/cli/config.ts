import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { editDistance } from '@statewright/asl'
import { z } from 'zod'
import type { Diagnostic } from '../diagnostics.ts'
import { importModule } from './load.ts'
import { readJsonFile } from './read-json.ts'

const LintSwitch = z.record(
  z.string().regex(/^SFN2[5-9]\d$/, 'a lint code such as SFN256'),
  z.boolean(),
)

/** `statewright.config.json` / `statewright.config.ts` (default export): all fields optional. */
export interface StatewrightConfig {
  /** Globs of files to scan for exported workflows, relative to the project. */
  readonly include?: string[]
  readonly exclude?: string[]
  /** Output directory of `build`, relative to the project. Default `dist/statewright`. */
  readonly out?: string
  readonly type?: 'STANDARD' | 'EXPRESS'
  /** Lints to switch off: `{ "SFN256": false }`. */
  readonly lints?: Record<string, boolean>
  /** Region and account of Lambda ARNs; unset, ARNs become `${…}` substitutions. */
  readonly region?: string
  readonly account?: string
  readonly partition?: string
  /**
   * The type check `build`/`check` run by default: `false` skips it (like --no-typecheck), `true`
   * requires it, so that no TypeScript 7 is an error rather than a warning (like --typecheck).
   */
  readonly typecheck?: boolean
}

const ConfigSchema = z
  .object({
    /** Globs of files to scan for exported workflows, relative to the project. */
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).optional(),
    /** Output directory of `build`, relative to the project. Default `dist/statewright`. */
    out: z.string().optional(),
    type: z.enum(['STANDARD', 'EXPRESS']).optional(),
    /** Lints to switch off: `{ "SFN256": false }`. */
    lints: LintSwitch.optional(),
    /** Region and account of Lambda ARNs; unset, ARNs become `${…}` substitutions. */
    region: z.string().optional(),
    account: z.string().optional(),
    partition: z.string().optional(),
    typecheck: z.boolean().optional(),
  })
  .strict()

/** The project's configuration, `{}` when it has none; a broken one is SFN308. */
export async function loadConfig(
  projectDir: string,
): Promise<{ config: StatewrightConfig; diagnostics: Diagnostic[] }> {
  const jsonFile = join(projectDir, 'statewright.config.json')
  const tsFile = join(projectDir, 'statewright.config.ts')
  let raw: unknown
  let file: string
  if (existsSync(jsonFile)) {
    file = jsonFile
    const read = await readJsonFile(
      jsonFile,
      'statewright.config.json',
      "Fix the syntax; 'statewright build --help' lists the fields.",
    )
    if (!read.ok) {
      // Located in the project (the label keeps the message short; the line says where it is).
      const at = read.diagnostic.file?.replace(/^statewright\.config\.json/, jsonFile)
      return { config: {}, diagnostics: [{ ...read.diagnostic, ...(at ? { file: at } : {}) }] }
    }
    raw = read.value
  } else if (existsSync(tsFile)) {
    file = tsFile
    const imported = await importModule(tsFile, 'statewright.config.ts')
    if (!imported.ok) return { config: {}, diagnostics: [imported.diagnostic] }
    raw = imported.exports['default']
  } else return { config: {}, diagnostics: [] }
  const parsed = ConfigSchema.safeParse(raw)
  if (parsed.success) return { config: parsed.data, diagnostics: [] }
  return {
    config: {},
    diagnostics: parsed.error.issues.flatMap((issue) => {
      const where = issue.path.join('.')
      const messages =
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => unknownField(where, key))
          : [
              where === ''
                ? `The configuration must be an object of fields: ${issue.message}. See 'statewright build --help' for the fields.`
                : `The configuration field '${where}' is not valid: ${issue.message}. See 'statewright build --help' for the fields.`,
            ]
      return messages.map((message) => ({
        code: 'SFN308',
        severity: 'error' as const,
        path: '/',
        file,
        message,
      }))
    }),
  }
}

const FIELDS = Object.keys(ConfigSchema.shape)

/** An unknown key, with the nearest field when it looks like a typo of one. */
function unknownField(where: string, key: string): string {
  const inside = where === '' ? '' : ` in '${where}'`
  const nearest = where === '' ? nearestName(key, FIELDS) : undefined
  const fix =
    nearest === undefined
      ? `Remove it; the fields are ${FIELDS.join(', ')}.`
      : `Did you mean '${nearest}'?`
  return `The configuration has an unknown field '${key}'${inside}. ${fix}`
}

/** The candidate within a few edits of `word` (case ignored), if any: the closest one. */
function nearestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1
  for (const candidate of candidates) {
    // A longer or shorter form of a field ("output" for "out") counts as one edit.
    const lower = word.toLowerCase()
    const other = candidate.toLowerCase()
    const affix =
      Math.min(lower.length, other.length) >= 3 &&
      (lower.startsWith(other) || other.startsWith(lower))
    const distance = affix ? 1 : editDistance(lower, other)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
