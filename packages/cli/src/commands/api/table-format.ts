/**
 * `--output table`: the AWS CLI's boxed layout, section by section. A structure's scalar members
 * form a header row and a value row (a lone scalar prints as `Name | value`), a list of structures
 * one row per item under the union of their scalar members, and nested structures and lists become
 * sub-sections indented by one `|` on each side. Widths fit the widest cell; the layout follows
 * aws's but is not byte-identical to it.
 */
interface Section {
  title: string;
  header?: string[];
  rows: string[][];
  children: Section[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

function isScalar(value: unknown): boolean {
  return typeof value !== 'object' || value === null;
}

function recordSection(title: string, record: Record<string, unknown>): Section {
  const section: Section = { title, rows: [], children: [] };
  const keys = Object.keys(record).filter((k) => isScalar(record[k])).sort();
  if (keys.length === 1) section.rows.push([keys[0]!, cell(record[keys[0]!])]);
  else if (keys.length > 1) {
    section.header = keys;
    section.rows.push(keys.map((k) => cell(record[k])));
  }
  for (const k of Object.keys(record).sort()) if (!isScalar(record[k])) section.children.push(...buildSections(k, record[k]));
  return section;
}

function buildSections(title: string, value: unknown): Section[] {
  if (isRecord(value)) return [recordSection(title, value)];
  if (!Array.isArray(value)) return [{ title, rows: [[cell(value)]], children: [] }];
  const records = value.filter(isRecord);
  const sections: Section[] = [];
  // Items with nested members get a section each (their lists follow them); flat items share one table.
  if (records.some((r) => Object.values(r).some((v) => !isScalar(v)))) sections.push(...records.map((r) => recordSection(title, r)));
  else if (records.length > 0) {
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
    sections.push({ title, header: keys, rows: records.map((r) => keys.map((k) => (k in r ? cell(r[k]) : ''))), children: [] });
  }
  const scalars = value.filter(isScalar);
  if (scalars.length > 0) sections.push({ title, rows: scalars.map((item) => [cell(item)]), children: [] });
  for (const item of value.filter(Array.isArray)) sections.push(...buildSections(title, item));
  return sections;
}

/** A section too wide for the terminal lists each item's members as `Name | value` rows instead. */
function fitTo(section: Section, width: number): Section {
  const children = section.children.map((child) => fitTo(child, width - 2));
  if (section.header === undefined || ownWidth(section) <= width) return { ...section, children };
  const header = section.header;
  return { title: section.title, rows: section.rows.flatMap((row) => header.map((name, i) => [name, row[i]!])), children };
}

function columnWidths(section: Section): number[] {
  const widths: number[] = [];
  for (const row of [...(section.header ? [section.header] : []), ...section.rows]) {
    row.forEach((text, i) => {
      widths[i] = Math.max(widths[i] ?? 0, text.length + 4);
    });
  }
  return widths;
}

function ownWidth(section: Section): number {
  const widths = columnWidths(section);
  return Math.max(widths.reduce((a, b) => a + b, 0) + Math.max(widths.length - 1, 0) + 2, section.title.length + 4);
}

function naturalWidth(section: Section): number {
  return Math.max(ownWidth(section), ...section.children.map((c) => naturalWidth(c) + 2));
}

function center(text: string, width: number): string {
  const left = Math.floor((width - text.length) / 2);
  return `${' '.repeat(left)}${text}${' '.repeat(width - text.length - left)}`;
}

function render(section: Section, width: number, out: string[], prefix: string, suffix: string, top: boolean): void {
  const inner = width - 2;
  if (top) out.push(`${prefix}${'-'.repeat(width)}${suffix}`);
  out.push(`${prefix}|${center(section.title, inner)}|${suffix}`);
  const widths = columnWidths(section);
  if (widths.length > 0) {
    const total = widths.reduce((a, b) => a + b, 0) + widths.length - 1;
    // Stretch the last column to the section's width.
    widths[widths.length - 1]! += inner - total;
    const rule = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
    out.push(`${prefix}${rule}${suffix}`);
    if (section.header) {
      out.push(`${prefix}|${section.header.map((h, i) => center(h, widths[i]!)).join('|')}|${suffix}`);
      out.push(`${prefix}${rule}${suffix}`);
    }
    for (const row of section.rows) out.push(`${prefix}|${row.map((c, i) => `  ${c}`.padEnd(widths[i]!)).join('|')}|${suffix}`);
    out.push(`${prefix}${rule}${suffix}`);
  } else if (section.children.length === 0 || top) {
    out.push(`${prefix}+${'-'.repeat(inner)}+${suffix}`);
  }
  for (const child of section.children) render(child, width - 2, out, `${prefix}|`, `|${suffix}`, false);
}

/**
 * Formats a result as boxed sections under `title` (the operation's name), fitted to `columns`
 * (the terminal's width) by turning too-wide tables into `Name | value` rows.
 */
export function formatTable(value: unknown, title = '', columns = 80): string {
  const sections = buildSections(title, value).map((section) => fitTo(section, columns));
  const width = Math.max(...sections.map(naturalWidth));
  const out: string[] = [];
  for (const section of sections) render(section, width, out, '', '', true);
  return `${out.join('\n')}\n`;
}
