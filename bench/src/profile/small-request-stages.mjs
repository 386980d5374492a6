// Per-request client CPU of a small GET (or PUT, HEAD), stage by stage from raw undici to the full
// s3-core call, each stage in a fresh process against the fixed-response server. Not part of
// `pnpm bench` or `pnpm test`: a tool for finding what a request costs beyond the floor.
//
//   node bench/src/profile/small-request-stages.mjs [--op GET|PUT|HEAD] [--concurrency 1] [--ms 2000] [--rounds 3] [--stages a,b,...]
//
// Prints, per stage: median client CPU per request (process.cpuUsage over the timed window),
// requests/s, and bytes allocated per request (heap growth over 2,000 requests with a young
// generation large enough that no collection runs in between).
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { spawnServer } from '../servers/spawn.mjs';

const STAGES = {
  pool: 'undici Pool.request, unsigned (the bench floor)',
  agent: 'undici Agent + api-request as the transport loads them, same options, unsigned',
  'agent-spin': 'undici Agent + api-request, unsigned, plus SPIN_US microseconds of busy JavaScript per request (no allocation)',
  'agent-headers': "undici Agent + api-request sending a signed request's headers (signed once, reused)",
  transport: "+ primitives' createUndiciTransport().send, unsigned",
  signed: '+ SigV4 signSync (sigv4 createSigner)',
  stack: "+ the client's middleware stack (tracing, circuit breaker, endpoint errors)",
  client: 's3-core S3BaseClient.send(GetObject/PutObject/HeadObject), body read',
};

const { values } = parseArgs({
  options: {
    op: { type: 'string', default: 'GET' },
    concurrency: { type: 'string', default: '1' },
    ms: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    stages: { type: 'string', default: Object.keys(STAGES).join(',') },
    child: { type: 'string' },
  },
});

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const Bucket = 'bench';
const Key = 'small/object.bin';
const BODY = 1024;

/** Builds the one-request function of a stage. */
async function stageFunction(stage, op, port) {
  const payload = Buffer.alloc(BODY, 'y');
  const origin = `http://127.0.0.1:${port}`;
  const path = `/${Bucket}/${Key}`;
  const method = op;
  const unsigned = () => ({
    method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    path,
    headers: op === 'PUT' ? { 'content-length': String(BODY) } : {},
    ...(op === 'PUT' ? { body: payload } : {}),
  });
  const readTransport = async (res) => {
    if (op === 'GET') return (await res.body.bytes()).byteLength;
    await res.body.dump();
    return op === 'HEAD' ? Number(res.headers['content-length']) : BODY;
  };
  if (stage === 'pool') {
    const { Pool } = await import('undici');
    const pool = new Pool(origin, { connections: 64 });
    return async () => {
      const r = await pool.request({ path, method, ...(op === 'PUT' ? { body: payload, headers: { 'content-length': String(BODY) } } : {}), ...(op === 'HEAD' ? { reset: false } : {}) });
      if (op === 'GET') return Buffer.from(await r.body.arrayBuffer()).byteLength;
      await r.body.dump();
      return BODY;
    };
  }
  if (stage === 'agent' || stage === 'agent-headers' || stage === 'agent-spin') {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const Agent = require('undici/lib/dispatcher/agent.js');
    const request = require('undici/lib/api/api-request.js');
    const agent = new Agent({ connections: 64, connectTimeout: 10_000, headersTimeout: 60_000, bodyTimeout: 60_000, keepAliveTimeout: 4_000 });
    let headers = op === 'PUT' ? { 'content-length': String(BODY) } : {};
    if (stage === 'agent-headers') {
      const { createSigner } = await import('@s3kit/sigv4');
      headers = createSigner({ credentials, region: 'us-east-1', service: 's3' }).signSync(unsigned(), { region: 'us-east-1' }).headers;
    }
    const spinMs = stage === 'agent-spin' ? Number(process.env.SPIN_US ?? 30) / 1000 : 0;
    return async () => {
      if (spinMs > 0) for (const end = performance.now() + spinMs; performance.now() < end; );
      const r = await request.call(agent, { origin, path, method, headers: { ...headers }, body: op === 'PUT' ? payload : null, ...(op === 'HEAD' ? { reset: false } : {}) });
      if (op === 'GET') return (await r.body.bytes()).byteLength;
      await r.body.dump();
      return BODY;
    };
  }
  const primitives = await import('@s3kit/primitives');
  const transport = primitives.createUndiciTransport();
  if (stage === 'transport') return async () => readTransport(await transport.send(unsigned()));
  const { createSigner } = await import('@s3kit/sigv4');
  const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
  const signOptions = { region: 'us-east-1' };
  if (stage === 'signed') return async () => readTransport(await transport.send(signer.signSync(unsigned(), signOptions)));
  if (stage === 'stack') {
    const breaker = primitives.createCircuitBreaker();
    const stack = primitives.compose(transport, primitives.tracingMiddleware(), primitives.circuitBreakerMiddleware(breaker, { keyOf: (r) => primitives.requestOrigin(r) }));
    return async () => readTransport(await stack.send(signer.signSync(unsigned(), signOptions)));
  }
  const { S3BaseClient, GetObject, PutObject, HeadObject } = await import('@s3kit/s3-core');
  const client = new S3BaseClient({ endpoint: origin, region: 'us-east-1', credentials, forcePathStyle: true });
  if (op === 'GET') return async () => (await (await client.send(GetObject, { Bucket, Key })).Body.bytes()).byteLength;
  if (op === 'PUT') return async () => (await client.send(PutObject, { Bucket, Key, Body: payload }), BODY);
  return async () => (await client.send(HeadObject, { Bucket, Key })).ContentLength;
}

let requestsSent = 0;

async function load(fn, concurrency, ms) {
  let n = 0;
  const faults0 = process.resourceUsage().minorPageFault;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      await fn();
      n++;
      requestsSent++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const faults = process.resourceUsage().minorPageFault - faults0;
  return { reqPerSec: n / secs, cpuUsPerOp: (cpu.user + cpu.system) / n, userUsPerOp: cpu.user / n, sysUsPerOp: cpu.system / n, faultsPerOp: faults / n };
}

async function child() {
  const { stage, op, port, concurrency, ms, mode } = JSON.parse(values.child);
  const fn = await stageFunction(stage, op, port);
  const n = await fn();
  if (n !== BODY) throw new Error(`${stage} ${op} moved ${n} bytes`);
  await load(fn, concurrency, Math.max(300, ms / 2));
  if (mode === 'heap') {
    // Allocation sites of REQUESTS requests (sampled, including objects already collected).
    const { Session } = await import('node:inspector/promises');
    const session = new Session();
    session.connect();
    await session.post('HeapProfiler.startSampling', { samplingInterval: 128, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const REQUESTS = 5000;
    for (let i = 0; i < REQUESTS; i += concurrency) await Promise.all(Array.from({ length: concurrency }, fn));
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const sites = new Map();
    const walk = (node, stack) => {
      const cf = node.callFrame;
      const here = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/packages\//, '')}:${cf.lineNumber + 1}`;
      const self = node.selfSize;
      if (self > 0) sites.set(here + '  <  ' + stack, (sites.get(here + '  <  ' + stack) ?? 0) + self);
      for (const c of node.children) walk(c, here.split(' ')[0]);
    };
    walk(profile.head, '');
    const top = [...sites].sort((a, b) => b[1] - a[1]).slice(0, 40);
    process.stdout.write(JSON.stringify(top.map(([k, v]) => `${(v / REQUESTS).toFixed(0).padStart(6)} B/req  ${k}`)));
  } else if (mode === 'alloc') {
    const REQUESTS = 2000;
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    let gcs = 0;
    const { PerformanceObserver } = await import('node:perf_hooks');
    const obs = new PerformanceObserver((list) => (gcs += list.getEntries().length));
    obs.observe({ entryTypes: ['gc'] });
    for (let i = 0; i < REQUESTS; i += concurrency) await Promise.all(Array.from({ length: concurrency }, fn));
    const after = process.memoryUsage().heapUsed;
    await new Promise((r) => setImmediate(r));
    obs.disconnect();
    process.stdout.write(JSON.stringify({ bytesPerOp: (after - before) / REQUESTS, gcs }));
  } else {
    process.stdout.write(JSON.stringify({ ...(await load(fn, concurrency, ms)), requestsSent }));
  }
  process.exit(0);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const op = values.op.toUpperCase();
  const concurrency = Number(values.concurrency);
  const ms = Number(values.ms);
  const stages = values.stages.split(',');
  const server = await spawnServer(new URL('../servers/fixed-server.mjs', import.meta.url), { BODY_SIZE: String(BODY) });
  const runChild = (stage, mode, flags) =>
    JSON.parse(
      execFileSync(process.execPath, [...flags, new URL(import.meta.url).pathname, '--child', JSON.stringify({ stage, op, port: server.port, concurrency, ms, mode })], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
  try {
    const results = new Map(stages.map((s) => [s, { cpu: [], user: [], sys: [], rps: [] }]));
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const stage of stages) {
        const m = runChild(stage, 'time', []);
        results.get(stage).cpu.push(m.cpuUsPerOp);
        results.get(stage).rps.push(m.reqPerSec);
        results.get(stage).user.push(m.userUsPerOp);
        results.get(stage).sys.push(m.sysUsPerOp);
      }
    }
    console.log(`${op} at ${concurrency} in flight, ${values.rounds} rounds of ${ms} ms each (median [min-max])`);
    console.log('| stage | client CPU us/req | user | system | req/s | bytes allocated/req |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const stage of stages) {
      const { cpu, user, sys, rps } = results.get(stage);
      const alloc = runChild(stage, 'alloc', ['--expose-gc', '--min-semi-space-size=128', '--max-semi-space-size=128']);
      const range = (xs, d) => `${median(xs).toFixed(d)} [${Math.min(...xs).toFixed(d)}-${Math.max(...xs).toFixed(d)}]`;
      console.log(`| ${stage}: ${STAGES[stage]} | ${range(cpu, 1)} | ${median(user).toFixed(1)} | ${median(sys).toFixed(1)} | ${range(rps, 0)} | ${Math.round(alloc.bytesPerOp)}${alloc.gcs ? ` (${alloc.gcs} GCs)` : ''} |`);
    }
  } finally {
    await server.stop();
  }
}

if (values.child) await child();
else await main();
