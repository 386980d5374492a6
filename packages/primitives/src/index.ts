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
} from './errors.js';
export type { S3kitErrorOptions, S3kitErrorJSON, ValidationErrorOptions, TimeoutPhase, NetworkErrorCode, PrimitivesErrorCode } from './errors.js';
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
} from './redact.js';
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
} from './http.js';
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
} from './http.js';
export { systemClock, createFakeClock, createSeededRandom, throwIfAborted } from './clock.js';
export type { Clock, FakeClock, FakeClockOptions, Random } from './clock.js';
export { createUndiciTransport, createDefaultTransport, DEFAULT_TRANSPORT, tracingChannel } from './runtime-exports.js';
export { mapUndiciError } from './transport-errors.js';
export { createFetchTransport } from './fetch-transport.js';
export { createJsHash, createDigestHash } from './js-hash.js';
export type { JsHash, JsHashAlgorithm, DigestHash } from './js-hash.js';
export { bytesToBase64, base64ToBytes, bytesToHex, hexToBytes, bytesToLatin1, utf8Bytes, utf8ByteLength } from './byte-encoding.js';
export type { FetchFunction, FetchInit, FetchTransportOptions } from './fetch-transport.js';
export type { UndiciTransport, UndiciTransportOptions } from './undici-transport.js';
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
} from './retry-classification.js';
export type { RetryClassification } from './retry-classification.js';
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
} from './retry-strategy.js';
export type { RetryMode, RetryStrategy, RetryStrategyOptions, RetryRunOptions, RetryInfo, RetryAttemptContext } from './retry-strategy.js';
export { retry } from './retry.js';
export type { RetryOptions } from './retry.js';
export { createAdaptiveRateLimiter } from './adaptive-rate-limiter.js';
export type { AdaptiveRateLimiter, AdaptiveRateLimiterOptions, AdaptiveRateLimiterState } from './adaptive-rate-limiter.js';
export {
  parseIni,
  loadSharedConfigFiles,
  nodeConfigFileSystem,
  expandPath,
  resolveHomeDir,
  splitSectionHeader,
  DEFAULT_CONFIG_FILE,
  DEFAULT_CREDENTIALS_FILE,
} from './ini.js';
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
} from './ini.js';
export { processEnv } from './process-env.js';
export { createConfigResolver, serviceConfigKey, serviceEndpointEnvVar } from './config.js';
export type { S3AddressingStyle, ChecksumSetting, ConfigResolverOptions, ResolveConfigOptions, ResolvedConfig, ConfigResolver } from './config.js';
export { createCircuitBreaker, circuitBreakerMiddleware, isServerFailureResponse } from './circuit-breaker.js';
export type {
  CircuitState,
  CircuitStateChange,
  CircuitBreakerOptions,
  CircuitRunOptions,
  CircuitBreaker,
  CircuitBreakerMiddlewareOptions,
} from './circuit-breaker.js';
export { createRateLimiter } from './rate-limiter.js';
export type { RateLimiterOptions, RateLimiterAcquireOptions, RateLimiter } from './rate-limiter.js';
export { LOG_LEVELS, noopLogger, meetsLevel, redactLogLine } from './logger.js';
export type { LogLevel, LogFields, Logger } from './logger.js';
export { createConsoleLogger } from './console-logger.js';
export type { ConsoleLoggerOptions, LogStream } from './console-logger.js';
export { fromPino } from './pino-logger.js';
export type { PinoLike } from './pino-logger.js';
export { loggingMiddleware } from './logging-middleware.js';
export type { LoggingMiddlewareOptions } from './logging-middleware.js';
export { OPERATION_CHANNEL, REQUEST_CHANNEL, traceOperation, tracingMiddleware, requestAttributes, errorType } from './tracing.js';
export type { TracingChannelLike, TracingHandlers } from './platform/diagnostics-port.js';
export type { SpanAttributes, TraceContext } from './tracing.js';
export { subscribeOpenTelemetry, enableOpenTelemetry, loadOpenTelemetryApi } from './otel-adapter.js';
export type { OtelApiLike, OtelTracerLike, OtelSpanLike, OpenTelemetryOptions } from './otel-adapter.js';
