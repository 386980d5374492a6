/** Every contract case, in table order. */
import { ACCESS_CASES } from './cases-access.js';
import { BUCKET_CASES } from './cases-buckets.js';
import { CONFIGURATION_CASES } from './cases-configurations.js';
import { ENCRYPTION_CASES } from './cases-encryption.js';
import { OBJECT_LOCK_CASES } from './cases-object-lock.js';
import { MULTIPART_CASES } from './cases-multipart.js';
import { OBJECT_CASES } from './cases-objects.js';
import { VERSIONING_CASES } from './cases-versioning.js';
import { WIRE_CASES } from './cases-wire.js';
import type { ContractCase } from './contract-case.js';

export const CONTRACT_CASES: readonly ContractCase[] = [...BUCKET_CASES, ...OBJECT_CASES, ...MULTIPART_CASES, ...VERSIONING_CASES, ...ACCESS_CASES, ...ENCRYPTION_CASES, ...OBJECT_LOCK_CASES, ...CONFIGURATION_CASES, ...WIRE_CASES];
