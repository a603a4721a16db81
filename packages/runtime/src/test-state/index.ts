export { testState } from './test-state.ts'
export { TestStateRejected } from './rejection.ts'
export type {
  InspectionData,
  InspectionLevel,
  TestStateConfiguration,
  TestStateMock,
  TestStateOptions,
  TestStateRequest,
  TestStateResult,
  TestStateStatus,
} from './types.ts'
