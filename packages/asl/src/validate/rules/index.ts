// The create-time rules AWS applies (ASL-SPEC §15), in one walk over the definition. Each problem is
// reported where AWS locates it, with AWS's wording where it is known; the walk never stops at the
// first problem, so every mistake is listed at once.
export {
  checkDefinition,
  checkIsolatedReads,
  checkUnassignedVariables,
  checkVariableScopes,
} from './machine.ts'
