/** CSV delimiters by ItemReader `CSVDelimiter` name. */
export const CSV_DELIMITERS: Readonly<Record<string, string>> = {
  COMMA: ',',
  PIPE: '|',
  SEMICOLON: ';',
  SPACE: ' ',
  TAB: '\t',
}

/**
 * Splits CSV text into rows of fields (RFC 4180 quoting: `"a,b"`, `""` for a quote). Line ends are
 * `\n` or `\r\n`; a trailing line end does not make an empty row.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
      i++
    } else if (c === delimiter) {
      row.push(field)
      field = ''
      i++
    } else if (c === '\n' || c === '\r') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += c
      i++
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** Rows as objects keyed by `headers`: extra fields are dropped, missing ones are empty strings. */
export function csvObjects(
  rows: readonly string[][],
  headers: readonly string[],
): Record<string, string>[] {
  return rows.map((row) => {
    const item: Record<string, string> = {}
    headers.forEach((header, i) => {
      const cell = row[i] ?? ''
      // A `__proto__` header stays an own member (defineProperty only there: it is slow).
      if (header === '__proto__') {
        Object.defineProperty(item, header, {
          value: cell,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else item[header] = cell
    })
    return item
  })
}
