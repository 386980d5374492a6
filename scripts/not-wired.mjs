#!/usr/bin/env node
// `pnpm bench` is wired by the benchmarks issue; until then say so plainly and fail.
console.error(`pnpm ${process.argv[2]}: not wired yet (see the benchmarks issue).`);
process.exit(1);
