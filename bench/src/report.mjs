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
  const m = report.machine;
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}.`, '');
  lines.push(
    'Absolute numbers on shared machines are noise; the ratios, computed within one run from interleaved rounds, are the result. ' +
      'Ratios are oriented so that > 1 means s3kit is better.',
    '',
  );
  for (const s of report.scenarios) {
    lines.push(`## ${s.title}`, '');
    if (s.description) lines.push(s.description, '');
    const rss = s.rows.some((r) => r.peakRssMiB !== undefined);
    lines.push(`| implementation | median ${s.unit} | min | max | rounds | client CPU us/op |${rss ? ' peak RSS MiB |' : ''}`);
    lines.push(`|---|---:|---:|---:|---:|---:|${rss ? '---:|' : ''}`);
    for (const r of s.rows) {
      const cells = [r.label, fmt(r.stats.median), fmt(r.stats.min), fmt(r.stats.max), r.stats.n, r.cpuUsPerOp === undefined ? '' : fmt(r.cpuUsPerOp)];
      if (rss) cells.push(r.peakRssMiB === undefined ? '' : fmt(r.peakRssMiB));
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
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

/** Computes ratios for a scenario from its rows: s3kit row vs every other row. */
export function withRatios(scenario, targets = {}) {
  const ours = scenario.rows.find((r) => r.impl === scenario.ours);
  const ratios = [];
  if (scenario.perAlgorithm) {
    // Rows come in (s3kit, peer) pairs of the same algorithm.
    for (let i = 0; i + 1 < scenario.rows.length; i += 2) {
      const [a, b] = [scenario.rows[i], scenario.rows[i + 1]];
      ratios.push({ vs: b.label, ratio: ratioOf(a.stats.median, b.stats.median, scenario.higherIsBetter) });
    }
  } else if (ours) {
    // A row may name the s3kit row it is compared with (`vs`: same options, e.g. CRC32 on or off);
    // rows named that way are s3kit rows themselves.
    const reference = new Set(scenario.rows.map((r) => r.vs).filter(Boolean));
    for (const r of scenario.rows) {
      if (r === ours || r.floor || reference.has(r.impl)) continue;
      const base = (r.vs && scenario.rows.find((x) => x.impl === r.vs)) || ours;
      const ratio = ratioOf(base.stats.median, r.stats.median, scenario.higherIsBetter);
      const entry = { vs: base === ours ? r.label : `${r.label} (vs ${base.label})`, ratio };
      if (targets[r.impl] !== undefined) entry.target = targets[r.impl];
      ratios.push(entry);
    }
  }
  return { ...scenario, ratios };
}
