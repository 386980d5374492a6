/** A member of a model structure (the fields s3kit reads). */
export interface ModelMember {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  xmlNamespace?: { uri: string; prefix?: string };
  xmlAttribute?: boolean;
  flattened?: boolean;
  streaming?: boolean;
  eventpayload?: boolean;
  hostLabel?: boolean;
  contextParam?: { name: string };
  timestampFormat?: string;
  deprecated?: boolean;
}
/** A model shape. */
export interface ModelShape {
  type: string;
  members?: Record<string, ModelMember>;
  required?: string[];
  payload?: string;
  member?: ModelMember;
  key?: ModelMember;
  value?: ModelMember;
  enum?: string[];
  flattened?: boolean;
  timestampFormat?: string;
  xmlNamespace?: { uri: string; prefix?: string };
  locationName?: string;
  min?: number;
  max?: number;
  pattern?: string;
  eventstream?: boolean;
  event?: boolean;
  union?: boolean;
  streaming?: boolean;
}
/** A model operation. */
export interface ModelOperation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string; locationName?: string; xmlNamespace?: { uri: string } };
  output?: { shape: string };
  httpChecksum?: { requestAlgorithmMember?: string; requestChecksumRequired?: boolean; requestValidationModeMember?: string; responseAlgorithms?: string[] };
  staticContextParams?: Record<string, { value: boolean | string }>;
  endpoint?: { hostPrefix: string };
  unsignedPayload?: boolean;
}
/** The service model. */
export interface ServiceModel {
  metadata: Record<string, unknown>;
  operations: Record<string, ModelOperation>;
  shapes: Record<string, ModelShape>;
}
/** A paginator of `paginators-1.json`. */
export interface ModelPaginator {
  input_token: string | string[];
  output_token: string | string[];
  more_results?: string;
  limit_key?: string;
  result_key: string | string[];
}
/** A waiter of `waiters-2.json`. */
export interface ModelWaiter {
  delay: number;
  operation: string;
  maxAttempts: number;
  acceptors: { expected: number | string | boolean; matcher: string; state: 'success' | 'retry' | 'failure'; argument?: string }[];
}
export const MODEL_DIR: string;
export function loadServiceModel(): ServiceModel;
export function loadPaginators(): Record<string, ModelPaginator>;
export function loadWaiters(): Record<string, ModelWaiter>;
