// Scenario 10: how cost grows with the work. (a) Listing 10k, 100k and 1M keys through s3-core's
// paginator, (b) planning an upload sync of a local tree of the same size against a bucket holding
// the same keys (the tree served through s3-transfer's file-system port). Each point runs in its own
// process (clients/scaling-client.mjs) against an in-memory bucket that writes each page on demand:
// time, and peak RSS added over the process's RSS before the work started.
import { runChild } from '../clients/run-child.mjs';
import { summarize } from '../stats.mjs';

const clientScript = new URL('../clients/scaling-client.mjs', import.meta.url);
const SIZES = { full: [10_000, 100_000, 1_000_000], quick: [10_000, 100_000], tiny: [1_000, 3_000] };
const KINDS = [
  { kind: 'list', label: 'paginator over ListObjectsV2' },
  { kind: 'plan', label: 'TransferManager.planSync (upload, all unchanged)' },
];
const MiB = 1024 * 1024;

export const scaling = {
  id: 'scaling',
  targets: {},
  async run({ size }) {
    const points = SIZES[size];
    const rows = [];
    const notes = [];
    for (const { kind, label } of KINDS) {
      const measured = [];
      for (const keys of points) {
        const m = await runChild(clientScript, { impl: `scaling-${kind}`, kind, keys });
        if (m.keys !== keys || m.actions !== 0) throw new Error(`${kind} of ${keys} keys saw ${m.keys} keys and ${m.actions} actions`);
        const added = Math.max(0, m.maxRssMiB - m.baseRssMiB);
        measured.push({ keys, ms: m.ms, added });
        rows.push({ impl: kind === 'list' && keys === points[0] ? 's3kit' : `${kind}-${keys}`, label: `s3kit ${label}, ${keys.toLocaleString('en-US')} keys`, stats: summarize([m.ms]), peakRssMiB: m.maxRssMiB });
      }
      const first = measured[0];
      const last = measured.at(-1);
      const usPerKey = (p) => (p.ms * 1000) / p.keys;
      const bytesPerKey = (p) => (p.added * MiB) / p.keys;
      notes.push(
        `${label}: ${measured.map((p) => `${p.keys.toLocaleString('en-US')} keys ${usPerKey(p).toFixed(1)} us/key, ${p.added.toFixed(0)} MiB added (${bytesPerKey(p).toFixed(0)} B/key)`).join('; ')}.`,
      );
      const growth = usPerKey(last) / usPerKey(first);
      notes.push(
        `${label}: time per key at ${last.keys.toLocaleString('en-US')} is ${growth.toFixed(2)}x that at ${first.keys.toLocaleString('en-US')} (linear: <= 1.5x): ${growth <= 1.5 ? 'linear' : 'NOT linear'}; ` +
          `memory per key ${bytesPerKey(last) <= bytesPerKey(measured.at(-2) ?? first) * 1.25 ? 'flat or falling' : 'GROWING'} from ${(measured.at(-2) ?? first).keys.toLocaleString('en-US')} to ${last.keys.toLocaleString('en-US')} keys.`,
      );
    }
    notes.push('Bytes per key are peak RSS added over RSS before the work, divided by the keys: V8 grows its heap in steps, so small points read high. Nothing is kept by the listing; the plan holds one entry per local file while it runs.');
    return {
      id: 'scaling',
      title: '10. Scaling: listing and sync planning from 10k to 1M keys',
      description:
        'Each point in its own process, one run each, against an in-memory bucket that writes each 1000-key page on demand (the local tree of the plan is served through the file-system port). Time in milliseconds; peak RSS is the process high-water mark (VmHWM).',
      unit: 'ms',
      higherIsBetter: false,
      ours: 's3kit',
      noRatios: true,
      noFloor: 'a curve compares s3kit with itself at each size; the floors of one listing page (4) and of transfers (5, 6) are in their scenarios.',
      rows,
      notes,
    };
  },
};
