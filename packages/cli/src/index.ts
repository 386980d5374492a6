export { run, main, COMMANDS, HELP } from './main.js';
export type { RunContext, TextSink, CommandRun } from './context.js';
export type { GlobalOptions, OutputFormat, ColorMode } from './global-options.js';
export { EXIT_OK, EXIT_FAILURES, EXIT_SKIPPED, EXIT_INTERRUPTED, EXIT_USAGE, EXIT_CONFIG, EXIT_SERVICE, EXIT_OTHER } from './context.js';
export { UsageError, isUsageError, ERR_USAGE } from './usage-error.js';
export { runDemo, ERR_DEMO_VERIFY } from './demo/run-demo.js';
export type { DemoOptions, DemoResult, DemoStep } from './demo/run-demo.js';
