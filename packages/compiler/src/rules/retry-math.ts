import { isRecord } from '../asl/walk.ts'
export { errorsOf } from './resources.ts'

export const isRecordLike: (value: unknown) => value is Record<string, unknown> = isRecord

/** A literal number, or the ASL default when the field is absent or an expression. */
export const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback
