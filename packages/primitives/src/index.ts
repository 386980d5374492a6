export {
  S3kitError,
  ValidationError,
  NetworkError,
  TimeoutError,
  AbortError,
  CircuitOpenError,
  CredentialsError,
  ConfigError,
  ERR_VALIDATION,
  ERR_NETWORK,
  ERR_TIMEOUT,
  ERR_ABORTED,
  ERR_CIRCUIT_OPEN,
  ERR_CREDENTIALS,
  ERR_CONFIG,
  isS3kitError,
  isValidationError,
  isNetworkError,
  isTimeoutError,
  isAbortError,
  isCircuitOpenError,
  isCredentialsError,
  isConfigError,
} from './errors/errors.js';
export type { S3kitErrorOptions, S3kitErrorJSON, ValidationErrorOptions, TimeoutPhase, NetworkErrorCode, PrimitivesErrorCode } from './errors/errors.js';
export {
  REDACTED,
  SECRET_HEADERS,
  SECRET_QUERY_PARAMS,
  isSecretField,
  isSecretHeader,
  redactText,
  redactUrl,
  redactHeaders,
  redactValue,
} from './logging/redact.js';
export {
  compose,
  encodeRfc3986,
  encodeQuery,
  requestTarget,
  requestOrigin,
  isReplayableBody,
  concatBytes,
  createResponseBody,
  emptyResponseBody,
} from './http/http.js';
export type {
  HttpRequestBody,
  HttpQuery,
  HttpRequest,
  HttpResponseBody,
  HttpResponse,
  HttpSendOptions,
  HttpTransport,
  HttpHandler,
  HttpMiddleware,
} from './http/http.js';
export { systemClock, createFakeClock, createSeededRandom, throwIfAborted } from './clock/clock.js';
export type { Clock, FakeClock, FakeClockOptions, Random } from './clock/clock.js';
export { createUndiciTransport, createDefaultTransport, DEFAULT_TRANSPORT, tracingChannel } from './runtime-exports.js';
export { mapUndiciError } from './http/transport-errors.js';
export { createFetchTransport } from './http/fetch-transport.js';
export { createJsHash, createDigestHash } from './encoding/js-hash.js';
export type { JsHash, JsHashAlgorithm, DigestHash } from './encoding/js-hash.js';
export { bytesToBase64, base64ToBytes, bytesToHex, hexToBytes, bytesToLatin1, utf8Bytes, utf8ByteLength } from './encoding/byte-encoding.js';
export { compareUtf8 } from './encoding/utf8-order.js';
export { isAsyncIterable, readableStreamChunks } from './streams/async-chunks.js';
export type { FetchFunction, FetchInit, FetchTransportOptions } from './http/fetch-transport.js';
export type { UndiciTransport, UndiciTransportOptions } from './http/undici-transport.js';
export {
  THROTTLING_ERROR_CODES,
  TRANSIENT_ERROR_CODES,
  TRANSIENT_STATUS_CODES,
  THROTTLING_STATUS_CODE,
  CLOCK_SKEW_ERROR_CODES,
  NETWORK_ERROR_CODES,
  classifyError,
  isRetryableClassification,
  parseRetryAfter,
  retryAfterFromError,
} from './retry/retry-classification.js';
export type { RetryClassification } from './retry/retry-classification.js';
export {
  createRetryStrategy,
  validateRetryOptions,
  computeBackoffDelay,
  getRetryAttempts,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  INITIAL_RETRY_TOKENS,
  RETRY_COST,
  TIMEOUT_RETRY_COST,
  NO_RETRY_INCREMENT,
} from './retry/retry-strategy.js';
export type { RetryMode, RetryStrategy, RetryStrategyOptions, RetryRunOptions, RetryInfo, RetryAttemptContext } from './retry/retry-strategy.js';
export { retry } from './retry/retry.js';
export type { RetryOptions } from './retry/retry.js';
export { createAdaptiveRateLimiter } from './rate-limit/adaptive-rate-limiter.js';
export type { AdaptiveRateLimiter, AdaptiveRateLimiterOptions, AdaptiveRateLimiterState } from './rate-limit/adaptive-rate-limiter.js';
export {
  parseIni,
  loadSharedConfigFiles,
  nodeConfigFileSystem,
  expandPath,
  resolveHomeDir,
  splitSectionHeader,
  DEFAULT_CONFIG_FILE,
  DEFAULT_CREDENTIALS_FILE,
} from './config/ini.js';
export type {
  IniSubsection,
  IniValue,
  IniSection,
  IniFileKind,
  ParseIniOptions,
  ParsedIni,
  ConfigFileSystem,
  Env,
  LoadSharedConfigFilesOptions,
  SharedConfigFiles,
} from './config/ini.js';
export { processEnv } from './config/process-env.js';
export { createConfigResolver, serviceConfigKey, serviceEndpointEnvVar } from './config/config.js';
export type { S3AddressingStyle, ChecksumSetting, ConfigResolverOptions, ResolveConfigOptions, ResolvedConfig, ConfigResolver } from './config/config.js';
export { createCircuitBreaker, circuitBreakerMiddleware, isServerFailureResponse } from './retry/circuit-breaker.js';
export type {
  CircuitState,
  CircuitStateChange,
  CircuitBreakerOptions,
  CircuitRunOptions,
  CircuitBreaker,
  CircuitBreakerMiddlewareOptions,
} from './retry/circuit-breaker.js';
export { createRateLimiter } from './rate-limit/rate-limiter.js';
export type { RateLimiterOptions, RateLimiterAcquireOptions, RateLimiter } from './rate-limit/rate-limiter.js';
export { LOG_LEVELS, noopLogger, meetsLevel, redactLogLine } from './logging/logger.js';
export type { LogLevel, LogFields, Logger } from './logging/logger.js';
export { createConsoleLogger } from './logging/console-logger.js';
export type { ConsoleLoggerOptions, LogStream } from './logging/console-logger.js';
export { fromPino } from './logging/pino-logger.js';
export type { PinoLike } from './logging/pino-logger.js';
export { loggingMiddleware } from './logging/logging-middleware.js';
export type { LoggingMiddlewareOptions } from './logging/logging-middleware.js';
export { OPERATION_CHANNEL, REQUEST_CHANNEL, traceOperation, tracingMiddleware, requestAttributes, errorType } from './tracing/tracing.js';
export type { TracingChannelLike, TracingHandlers } from './platform/diagnostics-port.js';
export type { SpanAttributes, TraceContext } from './tracing/tracing.js';
export { subscribeOpenTelemetry, enableOpenTelemetry, loadOpenTelemetryApi } from './tracing/otel-adapter.js';
export type { OtelApiLike, OtelTracerLike, OtelSpanLike, OpenTelemetryOptions } from './tracing/otel-adapter.js';
