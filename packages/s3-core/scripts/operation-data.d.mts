export const FAMILIES: Record<string, string[]>;
export const TYPE_NAMES: Record<string, string>;
export const SHAPE_RULES: Record<string, string>;
export const MEMBER_RULES: Record<string, string>;
export const SHAPE_CODECS: Record<string, { codec: string; type: string }>;
export const ERROR_IN_200: string[];
export const URL_ENCODING: Record<string, string[]>;
export const EXTRA_OUTPUT_MEMBERS: Record<string, Record<string, { in: string; name: string; type: string; tsType: string }>>;
