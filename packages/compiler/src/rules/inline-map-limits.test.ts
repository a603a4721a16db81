import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { expectAslValidatorAccepts } from '../../test/second-opinion.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'

const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: 'ok', ResultPath: '$.prepared', Next: 'EachLine' },
    EachLine: {
      Type: 'Map',
      ItemsPath: '$.lines',
      ItemProcessor: {
        StartAt: 'Price',
        States: {
          Price: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:us-east-1:123456789012:function:price',
            End: true,
          },
        },
      },
      End: true,
    },
  },
}

describe('findInlineMapOverLimits', () => {
  test('warns when the input schema lets the items array outgrow an inline Map', () => {
    expectAslValidatorAccepts(definition)
    const unbounded = z.toJSONSchema(z.object({ lines: z.array(z.string()) }))
    const large = z.toJSONSchema(z.object({ lines: z.array(z.string()).max(10_000) }))

    const messages = [
      ...validate(definition, { inputSchema: unbounded }),
      ...validate(definition, { inputSchema: large }),
    ].map(formatDiagnostic)

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN255 /States/EachLine: Inline Map 'EachLine' may exceed its limits: it iterates over the execution input's 'lines', which the input schema does not bound, and each item adds about 7 history events, so more than about 3571 items fail the execution at the 25,000-event limit. Bound the array (z.array(…).max(n)) or run the Map in DISTRIBUTED mode.",
        "warning SFN255 /States/EachLine: Inline Map 'EachLine' may exceed its limits: it iterates over the execution input's 'lines', which may hold 10000 items, and each item adds about 7 history events, so more than about 3571 items fail the execution at the 25,000-event limit. Bound the array (z.array(…).max(n)) or run the Map in DISTRIBUTED mode.",
      ]
    `)
  })

  test('accepts bounded arrays, unknown inputs and inputs replaced before the Map', () => {
    const bounded = z.toJSONSchema(z.object({ lines: z.array(z.string()).max(100) }))
    const unbounded = z.toJSONSchema(z.object({ lines: z.array(z.string()) }))
    const replaced = {
      ...definition,
      States: {
        ...definition.States,
        Prepare: { Type: 'Pass', Result: 'ok', ResultPath: '$.lines', Next: 'EachLine' },
      },
    }

    expect(validate(definition, { inputSchema: bounded })).toStrictEqual([])
    expect(validate(definition)).toStrictEqual([])
    expect(validate(replaced, { inputSchema: unbounded })).toStrictEqual([])
  })

  test('warns about a literal JSONata Items array longer than the history allows', () => {
    const literal = {
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Items: Array.from({ length: 7000 }, (_, i) => i),
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    }

    expect(validate(literal).map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "warning SFN255 /States/Each: Inline Map 'Each' may exceed its limits: its Items array has 7000 entries, and each item adds about 4 history events, so more than about 6250 items fail the execution at the 25,000-event limit. Bound the array (z.array(…).max(n)) or run the Map in DISTRIBUTED mode.",
      ]
    `)
  })
})
