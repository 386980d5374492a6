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

function buildSection(title: string, value: unknown): Section {
  const section: Section = { title, rows: [], children: [] };
  if (Array.isArray(value)) {
    const records = value.filter(isRecord);
    if (records.length > 0) {
      const keys = [...new Set(records.flatMap((r) => Object.keys(r).filter((k) => isScalar(r[k]))))].sort();
      if (keys.length > 0) {
        section.header = keys;
        for (const r of records) section.rows.push(keys.map((k) => (k in r ? cell(r[k]) : '')));
      }
      for (const r of records) {
        for (const k of Object.keys(r).sort()) if (!isScalar(r[k])) section.children.push(buildSection(k, r[k]));
      }
    }
    for (const item of value.filter(isScalar)) section.rows.push([cell(item)]);
    for (const item of value.filter(Array.isArray)) section.children.push(buildSection(title, item));
    return section;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => isScalar(value[k])).sort();
    if (keys.length === 1) section.rows.push([keys[0]!, cell(value[keys[0]!])]);
    else if (keys.length > 1) {
      section.header = keys;
      section.rows.push(keys.map((k) => cell(value[k])));
    }
    for (const k of Object.keys(value).sort()) if (!isScalar(value[k])) section.children.push(buildSection(k, value[k]));
    return section;
  }
  section.rows.push([cell(value)]);
  return section;
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

function naturalWidth(section: Section): number {
  const widths = columnWidths(section);
  const own = widths.reduce((a, b) => a + b, 0) + Math.max(widths.length - 1, 0) + 2;
  const children = section.children.map((c) => naturalWidth(c) + 2);
  return Math.max(own, section.title.length + 4, ...children);
}

function center(text: string, width: number): string {
  const left = Math.floor((width - text.length) / 2);
  return `${' '.repeat(left)}${text}${' '.repeat(width - text.length - left)}`;
}

function render(section: Section, width: number, out: string[], prefix: string, suffix: string, top: boolean): void {
  const inner = width - 2;
  out.push(`${prefix}${top ? '-'.repeat(width) : `+${'-'.repeat(inner)}+`}${suffix}`);
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

/** Formats a result as boxed sections under `title` (the operation's name). */
export function formatTable(value: unknown, title = ''): string {
  const root = buildSection(title, value);
  const out: string[] = [];
  render(root, naturalWidth(root), out, '', '', true);
  return `${out.join('\n')}\n`;
}
