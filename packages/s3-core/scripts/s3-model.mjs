// Reads AWS's S3 model as vendored in the repository (vendor/s3-model, botocore data, Apache-2.0):
// the service description with botocore's sdk-extras merged in, the paginators and the waiters.
// Data only: nothing here copies the model's documentation strings anywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where the vendored model lives. */
export const MODEL_DIR = join(import.meta.dirname, '..', '..', '..', 'vendor', 's3-model');

function readJson(name) {
  const bytes = readFileSync(join(MODEL_DIR, name));
  return JSON.parse((name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

/** The service model, with `service-2.sdk-extras.json` merged (botocore's own override: `Expires` is a timestamp). */
export function loadServiceModel() {
  const model = readJson('service-2.json.gz');
  const extras = readJson('service-2.sdk-extras.json');
  for (const [name, shape] of Object.entries(extras.merge?.shapes ?? {})) model.shapes[name] = { ...model.shapes[name], ...shape };
  return model;
}

/** `paginators-1.json`'s paginators by operation. */
export function loadPaginators() {
  return readJson('paginators-1.json').pagination;
}

/** `waiters-2.json`'s waiters by name. */
export function loadWaiters() {
  return readJson('waiters-2.json').waiters;
}
