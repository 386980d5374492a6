/** Which responses get their body checksum validated, and against what. */
import type { HttpRequest, HttpResponse } from '@s3kit/primitives';
import type { BodyChecks } from '../body/response-body.js';
import { CHECKSUM_HEADERS, isChecksumAlgorithm } from '../checksums/checksum.js';
import type { ChecksumAlgorithm } from '../checksums/checksum.js';
import type { CompiledOperation } from '../interpreter/compile.js';
import type { ClientState } from './client-state.js';

/**
 * Whether the response body of this call is to be validated: the caller set the operation's
 * checksum-mode member to `ENABLED`, or left it unset under `when_supported` (then the request asks
 * for the checksum itself).
 */
export function wantsResponseValidation(state: ClientState, op: CompiledOperation, input: Record<string, unknown>, request: HttpRequest): boolean {
  const member = op.spec.checksum?.responseModeMember;
  if (member === undefined) return false;
  if (input[member] === 'ENABLED') return true;
  if (state.responseChecksum === 'when_supported' && input[member] === undefined) {
    request.headers['x-amz-checksum-mode'] = 'ENABLED';
    return true;
  }
  return false;
}

/** The length and checksum checks of a streamed response body. */
export function bodyChecks(response: HttpResponse, validate: boolean): BodyChecks {
  const headers = response.headers;
  const checks: BodyChecks = {};
  const declared = headers['content-length'];
  if (declared !== undefined && headers['content-encoding'] === undefined) checks.expectedLength = Number(declared);
  if (validate && response.statusCode === 200 && headers['content-range'] === undefined) {
    const algorithm = fullObjectChecksum(headers);
    if (algorithm) checks.checksum = algorithm;
  }
  return checks;
}

/** The full-object checksum of a response, if it has one (`-N` suffixed values are composite, per part). */
function fullObjectChecksum(headers: Record<string, string>): { algorithm: ChecksumAlgorithm; expected: string } | undefined {
  if (headers['x-amz-checksum-type'] === 'COMPOSITE') return undefined;
  for (const algorithm of ['CRC64NVME', 'CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const) {
    const value = headers[CHECKSUM_HEADERS[algorithm]];
    if (value !== undefined && isChecksumAlgorithm(algorithm) && !/-\d+$/.test(value)) return { algorithm, expected: value };
  }
  return undefined;
}
