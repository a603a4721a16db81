// The runtime's expression layer (ASL-SPEC §5, §6, §8, §10): pure functions the core calls per state.
// Causes thrown here are AWS's own text without the "An error occurred while executing the state …"
// prefix, which the core adds because it knows the state name and event id.
export {
  selectPath,
  selectParsed,
  describePathFailure,
  applyResultPath,
  compilePath,
} from './jsonpath.ts'
export type { PathScope, PathResult } from './jsonpath.ts'
export { applyPayloadTemplate } from './template.ts'
export { evaluateIntrinsic } from './intrinsics.ts'
export { evaluateChoiceRule, stringMatches, compareCodePoints } from './choice.ts'
export {
  evaluateJsonata,
  evaluateJsonataTemplate,
  isJsonataExpression,
  expectJsonataType,
  jsonTypeName,
} from './jsonata.ts'
export type { JsonataScope, JsonTypeName } from './jsonata.ts'
export { parseTimestamp, compareInstants } from './timestamp.ts'
export type { Instant } from './timestamp.ts'
export type { ExprOptions, RandomSource } from './random.ts'
