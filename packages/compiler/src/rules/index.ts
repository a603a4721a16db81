import { findCallbackWithoutTimeout } from './callback-without-timeout.ts'
import { findHeartbeatNotBelowTimeout } from './heartbeat-not-below-timeout.ts'
import { findInlineMapOverLimits } from './inline-map-limits.ts'
import { findMisspelledError } from './misspelled-error.ts'
import { findResultPathDiscardsInput } from './result-path-discards-input.ts'
import type { Rule } from './rule.ts'
import { findShadowedHandler } from './shadowed-handler.ts'
import { findSubstitutionClash, type IrRule } from './substitution-clash.ts'
import { findUnboundedCatchAllRetry } from './unbounded-catch-all-retry.ts'
import { findUnraisableError } from './unraisable-error.ts'

/** Every lint, by the code it reports. Each is a warning and can be switched off by its code. */
export const LINTS: Readonly<Record<LintCode, Rule>> = Object.freeze({
  SFN250: findCallbackWithoutTimeout,
  SFN251: findHeartbeatNotBelowTimeout,
  SFN252: findShadowedHandler,
  SFN253: findUnraisableError,
  SFN254: findUnboundedCatchAllRetry,
  SFN255: findInlineMapOverLimits,
  SFN256: findResultPathDiscardsInput,
  SFN258: findMisspelledError,
})

export type LintCode =
  'SFN250' | 'SFN251' | 'SFN252' | 'SFN253' | 'SFN254' | 'SFN255' | 'SFN256' | 'SFN258'

export type { LintContext, LintThresholds, Rule } from './rule.ts'

/** Rules over the DSL's IR, for what only the workflow's source knows (errors, always on). */
export const IR_RULES: readonly IrRule[] = Object.freeze([findSubstitutionClash])

export type { IrRule } from './substitution-clash.ts'
