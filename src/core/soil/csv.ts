/** Rows of a comma-separated table keyed by its header; `#` comment lines are skipped. */
export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
}

/** Splits one CSV line, honouring double quotes (`""` inside quotes is a quote). */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Parses a small CSV text (BOM, CRLF and comment lines tolerated). */
export function parseCsv(text: string): CsvTable {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [first, ...rest] = lines;
  const header = first === undefined ? [] : splitLine(first).map((name) => name.trim());
  const rows = rest.map((line) => {
    const fields = splitLine(line);
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      row[name] = fields[i] ?? '';
    });
    return row;
  });
  return { header, rows };
}
