import { expectTypeOf, test } from 'vitest'
import type { AslErrorName, StatesErrorName } from './errors.ts'

test('reserved error names are a closed union; any other name is still an AslErrorName', () => {
  expectTypeOf<'States.ALL'>().toExtend<StatesErrorName>()
  expectTypeOf<'Lambda.ServiceException'>().toExtend<AslErrorName>()
  // @ts-expect-error a user error name is not a reserved States.* name
  const reserved: StatesErrorName = 'MyError'
  void reserved
})
