// Turns scenario results into docs/benchmarks.md and a JSON twin.

const fmt = (n) => {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a >= 1e5) return Math.round(n).toLocaleString('en-US');
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

/** Ratio of s3kit to a peer, oriented so that > 1 means s3kit is better. */
export function ratioOf(s3kit, peer, higherIsBetter) {
  return higherIsBetter ? s3kit / peer : peer / s3kit;
}

/** Renders the Markdown report. */
export function renderMarkdown(report) {
  const lines = [];
  lines.push('# s3kit benchmarks', '');
  lines.push(`Generated ${report.generatedAt} by \`pnpm bench${report.quick ? ' --quick' : ''}\`.`, '');
  if (report.updated?.length) lines.push(`Sections measured again at that time (\`--update\`): ${report.updated.join(', ')}; each other section is from the run it says.`, '');
  const m = report.machine;
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}.`, '');
  lines.push(
    'Absolute numbers on shared machines are noise; the ratios, computed within one run from interleaved rounds, are the result. ' +
      'Ratios are oriented so that > 1 means s3kit is better.',
    '',
  );
  for (const s of report.scenarios) {
    lines.push(`## ${s.title}`, '');
    if (report.updated?.length && !report.updated.includes(s.id)) lines.push(`_Measured in the run of ${s.measuredAt}._`, '');
    if (s.description) lines.push(s.description, '');
    const rss = s.rows.some((r) => r.peakRssMiB !== undefined);
    const fractions = s.rows.some((r) => r.fractionOfFloor !== undefined);
    lines.push(`| implementation | median ${s.unit} | min | max | rounds | client CPU us/op |${rss ? ' peak RSS MiB |' : ''}${fractions ? ' fraction of floor |' : ''}`);
    lines.push(`|---|---:|---:|---:|---:|---:|${rss ? '---:|' : ''}${fractions ? '---:|' : ''}`);
    for (const r of s.rows) {
      const cells = [r.label, fmt(r.stats.median), fmt(r.stats.min), fmt(r.stats.max), r.stats.n, r.cpuUsPerOp === undefined ? '' : fmt(r.cpuUsPerOp)];
      if (rss) cells.push(r.peakRssMiB === undefined ? '' : fmt(r.peakRssMiB));
      if (fractions) cells.push(r.floor ? 'floor' : r.fractionOfFloor === undefined ? '' : `${(r.fractionOfFloor * 100).toFixed(0)}%`);
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
    if (s.noFloor) lines.push(`No floor: ${s.noFloor}`, '');
    if (s.ratios.length) {
      lines.push('| s3kit vs | ratio | target | status |');
      lines.push('|---|---:|---:|---|');
      for (const r of s.ratios) {
        const status = r.target === undefined ? '' : r.ratio >= r.target ? 'met' : 'NOT met';
        lines.push(`| ${r.vs} | ${r.ratio.toFixed(2)}x | ${r.target === undefined ? '' : `>= ${r.target}x`} | ${status} |`);
      }
      lines.push('');
    }
    for (const n of s.notes ?? []) lines.push(`- ${n}`);
    if (s.notes?.length) lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The floor a row is measured against: the row named by its `floorImpl`, else the scenario's only
 * floor row; none when the scenario has several floors and the row names none.
 */
function floorOf(scenario, row) {
  if (row.floorImpl) return scenario.rows.find((r) => r.impl === row.floorImpl && r.floor);
  const floors = scenario.rows.filter((r) => r.floor);
  return floors.length === 1 ? floors[0] : undefined;
}

/** Whether a row measures s3kit (the scenario's own row, a row compared through `vs`, or one named s3kit). */
function isOurs(scenario, row) {
  return row.impl === scenario.ours || scenario.rows.some((r) => r.vs === row.impl) || /^s3kit\b/i.test(row.label);
}

/**
 * Adds `fractionOfFloor` to each s3kit row that has a floor in the same run: the share of the
 * floor's speed it reaches (1 = as fast as the floor), oriented like the ratios.
 */
export function withFloorFractions(scenario) {
  const rows = scenario.rows.map((r) => {
    if (r.floor || !isOurs(scenario, r)) return r;
    const floor = floorOf(scenario, r);
    if (!floor) return r;
    return { ...r, fractionOfFloor: ratioOf(r.stats.median, floor.stats.median, scenario.higherIsBetter) };
  });
  return { ...scenario, rows };
}

/** Computes ratios for a scenario from its rows: s3kit row vs every other row (and each s3kit row's fraction of its floor). */
export function withRatios(input, targets = {}) {
  const scenario = withFloorFractions(input);
  const ours = scenario.rows.find((r) => r.impl === scenario.ours);
  const ratios = [];
  if (scenario.noRatios) {
    // Rows of one implementation at several sizes (a curve): no peer to compare with.
  } else if (scenario.perAlgorithm) {
    // Rows come in (s3kit, peer) pairs of the same algorithm.
    const paired = scenario.rows.filter((r) => !r.floor);
    for (let i = 0; i + 1 < paired.length; i += 2) {
      const [a, b] = [paired[i], paired[i + 1]];
      ratios.push({ vs: b.label, ratio: ratioOf(a.stats.median, b.stats.median, scenario.higherIsBetter) });
    }
  } else if (ours) {
    // A row may name the s3kit row it is compared with (`vs`: same options, e.g. CRC32 on or off);
    // rows named that way are s3kit rows themselves.
    const reference = new Set(scenario.rows.map((r) => r.vs).filter(Boolean));
    for (const r of scenario.rows) {
      if (r === ours || r.floor || r.reference || reference.has(r.impl)) continue;
      const base = (r.vs && scenario.rows.find((x) => x.impl === r.vs)) || ours;
      const ratio = ratioOf(base.stats.median, r.stats.median, scenario.higherIsBetter);
      const entry = { vs: base === ours ? r.label : `${r.label} (vs ${base.label})`, ratio };
      if (targets[r.impl] !== undefined) entry.target = targets[r.impl];
      ratios.push(entry);
    }
  }
  return { ...scenario, ratios };
}
