// Parsers shared by the validator and the runtime: JSONPath / Reference Path, intrinsic calls, JSONata.
export { parsePath, isReferencePath, isReference } from './path.ts'
export type {
  ParsedPath,
  ParsePathResult,
  PathRoot,
  PathSegment,
  PathSelector,
  PathFunctionName,
  FilterExpression,
  FilterOperator,
  FilterOperand,
  SyntaxProblem,
} from './path.ts'
export {
  parseIntrinsic,
  looksLikeIntrinsic,
  INTRINSIC_FUNCTIONS,
  MAX_INTRINSIC_NESTING,
} from './intrinsic.ts'
export type {
  IntrinsicCall,
  IntrinsicArgument,
  IntrinsicFunctionName,
  ParseIntrinsicResult,
} from './intrinsic.ts'
export { isJsonataString, parseJsonata } from './jsonata.ts'
export type { ParseJsonataResult } from './jsonata.ts'
