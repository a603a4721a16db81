import { z } from 'zod'

// The record transform of the data pipeline: a CSV row as the ItemReader hands it over (every value is
// text), and the normalized record the pipeline writes. `transformRecord` is the Lambda's code.

export const PipelineInput = z.object({
  bucket: z.string(),
  key: z.string(),
  outputPrefix: z.string(),
})
export type PipelineInput = z.infer<typeof PipelineInput>

/** One CSV row: the header names the fields; the values are strings. */
export const CsvRecord = z.object({
  orderId: z.string(),
  customer: z.string(),
  amount: z.string(),
  currency: z.string(),
})
export type CsvRecord = z.infer<typeof CsvRecord>

export const CleanRecord = z.object({
  orderId: z.string(),
  customer: z.string(),
  amountCents: z.number().int(),
  currency: z.enum(['EUR', 'GBP', 'USD']),
})
export type CleanRecord = z.infer<typeof CleanRecord>

/** A row the transform refuses; its child execution fails with this error name. */
export class InvalidRecord extends Error {
  override name = 'InvalidRecord'
}

/** Parses the amount into cents and checks the currency; a bad row throws InvalidRecord. */
export function transformRecord(row: CsvRecord): CleanRecord {
  if (!/^\d+(\.\d{1,2})?$/.test(row.amount)) {
    throw new InvalidRecord(`Order ${row.orderId}: amount '${row.amount}' is not a number`)
  }
  const currency = CleanRecord.shape.currency.safeParse(row.currency)
  if (!currency.success) {
    throw new InvalidRecord(`Order ${row.orderId}: currency '${row.currency}' is not supported`)
  }
  const [units = '0', fraction = ''] = row.amount.split('.')
  return {
    orderId: row.orderId,
    customer: row.customer.trim(),
    amountCents: Number(units) * 100 + Number(fraction.padEnd(2, '0')),
    currency: currency.data,
  }
}
