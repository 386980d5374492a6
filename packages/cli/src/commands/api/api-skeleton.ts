import type { XmlShape } from '@s3kit/s3-core';
import type { ArgumentShape } from './api-arguments.js';
import { apiArguments } from './api-arguments.js';
import type { OperationSpec } from '@s3kit/s3-core';

function placeholder(shape: ArgumentShape | XmlShape): unknown {
  if (typeof shape === 'string') {
    switch (shape) {
      case 'integer':
      case 'long':
        return 0;
      case 'float':
        return 0.0;
      case 'boolean':
        return true;
      case 'string':
      case 'blob':
        return '';
      default:
        return '1970-01-01T00:00:00';
    }
  }
  switch (shape.type) {
    case 'streaming':
      return '';
    case 'map':
      return { KeyName: '' };
    case 'list':
      return [placeholder(shape.member)];
    case 'structure':
      return Object.fromEntries(Object.entries(shape.members).map(([member, field]) => [member, placeholder(field.shape)]));
  }
}

/**
 * The `--generate-cli-skeleton` document of an operation: every input member with a placeholder
 * of its type (as `aws` prints it: `""`, `0`, `true`, `"1970-01-01T00:00:00"`), ready to edit and
 * pass back with `--cli-input-json file://skeleton.json`.
 */
export function inputSkeleton(spec: OperationSpec): Record<string, unknown> {
  return Object.fromEntries(apiArguments(spec).map((arg) => [arg.member, placeholder(arg.shape)]));
}
