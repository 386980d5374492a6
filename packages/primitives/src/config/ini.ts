/**
 * Parser for the AWS shared config files (`~/.aws/config`, `~/.aws/credentials`).
 *
 * It follows the AWS CLI (botocore `configloader.raw_config_parse`, which runs Python's
 * `configparser.RawConfigParser`, then `build_profile_map`) and the AWS SDKs' shared-ini parser:
 *
 * - Sections: `[default]` and `[profile name]` are profiles in the config file (a bare `[name]` is
 *   not); every section of the credentials file is a profile named verbatim. `[sso-session x]` and
 *   `[services x]` are kept apart. Profile names may be quoted (`[profile "my name"]`), split like
 *   Python's `shlex.split`. When both `[default]` and `[profile default]` exist, the one whose
 *   header appears later wins whole, as in botocore (which assigns them in file order).
 * - Keys are lower-cased (configparser's `optionxform`); `key = value`, `key=value` and `key: value`.
 *   Values are trimmed; `key =` alone is the empty string.
 * - Comments: full lines starting with `#` or `;` (indented or not); inline `#`/`;` only when
 *   preceded by whitespace, as the SDKs do (botocore keeps inline comments in the value; a secret
 *   key never contains whitespace, so both agree on real credentials).
 * - A line indented deeper than its key continues the value (joined with `\n`). A value that starts
 *   with a line break (`s3 =` followed by indented `key = value` lines) is a nested sub-section:
 *   `{ s3: { max_concurrent_requests: '10' } }`; nested keys keep their case, as in botocore.
 * - Duplicate keys: last wins. Duplicate sections: merged (the SDKs' behaviour; Python's strict
 *   configparser rejects both, which would make the CLI fail on such a file).
 * - Malformed lines throw a {@link ConfigError} naming the file and line, never the line's text
 *   (it may hold a secret).
 * - A leading UTF-8 byte order mark is ignored (editors on Windows add one).
 */
import { homedir as osHomedir, joinPath as join, readTextFile as fsReadFile } from '#platform/files';
import { ConfigError } from '../errors/errors.js';
import { throwIfAborted } from '../clock/clock.js';
import { processEnv } from './process-env.js';

/** A nested sub-section value (`s3 =` followed by indented `key = value` lines). */
export type IniSubsection = Record<string, string>;

/** A value in a section: a string, or a nested sub-section. */
export type IniValue = string | IniSubsection;

/** The keys and values of one section. Objects have a `null` prototype. */
export type IniSection = Record<string, IniValue>;

/** Which shared file a text comes from; decides how section headers map to profiles. */
export type IniFileKind = 'config' | 'credentials';

/** Options of {@link parseIni}. */
export interface ParseIniOptions {
  /** `config` (`[profile name]` headers) or `credentials` (`[name]` headers). */
  fileKind: IniFileKind;
  /** File name shown in errors and in {@link ParsedIni.sources}. */
  fileName: string;
}

/** One parsed shared file. All maps have a `null` prototype, so a profile named `__proto__` is harmless. */
export interface ParsedIni {
  /** Profiles by name (`default`, `dev`), without the `profile ` prefix. */
  profiles: Record<string, IniSection>;
  /** `[sso-session name]` sections by name (config file only). */
  ssoSessions: Record<string, IniSection>;
  /** `[services name]` sections by name (config file only). */
  services: Record<string, IniSection>;
  /** Where each profile came from, by profile name: `fileName [header]` (for error sources). */
  sources: Record<string, string>;
}

interface RawOption {
  lines: string[];
  lineNumbers: number[];
}

interface RawSection {
  header: string;
  options: Record<string, RawOption>;
}

/** Creates an object with no prototype, so keys such as `__proto__` or `constructor` are plain data. */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

// configparser's SECTCRE, matched at the start of the stripped line.
const SECTION = /^\[(.+)\]/;
// configparser's OPTCRE with delimiters `=` and `:`: the key ends at the first delimiter.
const OPTION = /^(.*?)\s*[=:]\s*(.*)$/;
// The SDKs' inline comment rule: `#` or `;` after whitespace.
const INLINE_COMMENT = /\s[#;]/;

function parseError(fileName: string, line: number, rule: string): ConfigError {
  return new ConfigError(`Cannot parse ${fileName} line ${line}: ${rule}`, { source: `${fileName} line ${line}` });
}

/** Splits text into raw sections in order of first appearance (configparser `_read`). */
function readSections(text: string, fileName: string): RawSection[] {
  const sections = new Map<string, RawSection>();
  let current: RawSection | undefined;
  let option: RawOption | undefined;
  let indentLevel = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = i + 1;
    const stripped = line.trim();
    let comment = false;
    let content = line;
    if (stripped.startsWith('#') || stripped.startsWith(';')) {
      comment = true;
      content = '';
    } else {
      const at = INLINE_COMMENT.exec(line);
      if (at) {
        comment = true;
        content = line.slice(0, at.index);
      }
    }
    const value = content.trim();
    if (!value) {
      // An empty line inside a value is kept (empty_lines_in_values); trailing ones are trimmed later.
      if (!comment && option) {
        option.lines.push('');
        option.lineNumbers.push(lineNumber);
      }
      continue;
    }
    const indent = line.search(/\S/);
    if (option && indent > indentLevel) {
      option.lines.push(value);
      option.lineNumbers.push(lineNumber);
      continue;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
    if (header) {
      const name = header[1]!;
      current = sections.get(name);
      if (!current) {
        current = { header: name, options: dict<RawOption>() };
        sections.set(name, current);
      }
      option = undefined;
      continue;
    }
    if (!current) throw parseError(fileName, lineNumber, 'a setting appears before any [section] header');
    const match = OPTION.exec(value);
    if (!match || !match[1]) {
      throw parseError(fileName, lineNumber, 'expected "key = value", a [section] header, a comment or an indented continuation line');
    }
    option = { lines: [match[2]!.trim()], lineNumbers: [lineNumber] };
    current.options[match[1].trimEnd().toLowerCase()] = option;
  }
  return [...sections.values()];
}

/** botocore `_parse_nested`: each non-empty line is `key = value`, split at the first `=`. */
function parseNested(option: RawOption, fileName: string): IniSubsection {
  const out = dict<string>();
  for (let i = 0; i < option.lines.length; i++) {
    const line = option.lines[i]!.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) {
      throw parseError(fileName, option.lineNumbers[i]!, 'expected "key = value" inside a nested setting');
    }
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

function toSection(raw: RawSection, fileName: string): IniSection {
  const out = dict<IniValue>();
  for (const [key, option] of Object.entries(raw.options)) {
    const value = option.lines.join('\n').trimEnd();
    out[key] = value.startsWith('\n') ? parseNested(option, fileName) : value;
  }
  return out;
}

/**
 * Splits a section header into words like Python's `shlex.split` (POSIX mode): whitespace
 * separates words, quotes group them, backslash escapes. Returns `undefined` on an unclosed quote
 * (botocore then skips the section).
 */
export function splitSectionHeader(header: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < header.length && '\\"$`\n'.includes(header[i + 1]!)) word += header[++i]!;
      else word += c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= header.length) return undefined;
      word += header[++i]!;
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return undefined;
  if (inWord) words.push(word);
  return words;
}

const PREFIXED_KINDS = { profile: 'profiles', 'sso-session': 'ssoSessions', services: 'services' } as const;

/**
 * Parses the text of a shared config or credentials file.
 *
 * @throws {ConfigError} `ERR_CONFIG` when a line is malformed; `source` is `fileName line N`.
 * @example
 * ```ts
 * const { profiles } = parseIni('[profile dev]\nregion = eu-west-1\n', { fileKind: 'config', fileName: '~/.aws/config' });
 * profiles.dev?.region; // 'eu-west-1'
 * ```
 */
export function parseIni(text: string, options: ParseIniOptions): ParsedIni {
  const { fileKind, fileName } = options;
  const parsed: ParsedIni = { profiles: dict(), ssoSessions: dict(), services: dict(), sources: dict() };
  for (const raw of readSections(text, fileName)) {
    const source = `${fileName} [${raw.header}]`;
    if (fileKind === 'credentials') {
      parsed.profiles[raw.header] = toSection(raw, fileName);
      parsed.sources[raw.header] = source;
      continue;
    }
    if (raw.header === 'default') {
      parsed.profiles.default = toSection(raw, fileName);
      parsed.sources.default = source;
      continue;
    }
    const words = splitSectionHeader(raw.header);
    if (words?.length !== 2) continue;
    const [prefix, name] = words as [string, string];
    if (!Object.hasOwn(PREFIXED_KINDS, prefix)) continue;
    const kind = PREFIXED_KINDS[prefix as keyof typeof PREFIXED_KINDS];
    parsed[kind][name] = toSection(raw, fileName);
    if (kind === 'profiles') parsed.sources[name] = source;
  }
  return parsed;
}

/** The filesystem port used to read shared config files. */
export interface ConfigFileSystem {
  /**
   * Reads a UTF-8 file; resolves `undefined` when it does not exist or cannot be read (the AWS CLI
   * and SDKs skip such files).
   */
  readFile(path: string, options?: { signal?: AbortSignal }): Promise<string | undefined>;
}

const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/** The real filesystem: missing, unreadable or directory paths read as `undefined`, as the CLI skips them. */
export const nodeConfigFileSystem: ConfigFileSystem = {
  readFile: async (path, options) => {
    try {
      return await fsReadFile(path, options?.signal ? { encoding: 'utf8', signal: options.signal } : { encoding: 'utf8' });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && MISSING_CODES.has(code)) return undefined;
      throw err;
    }
  },
};

/** Environment variables, as in `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The home directory the way the SDKs find it: `HOME`, then `USERPROFILE`, then `HOMEDRIVE` +
 * `HOMEPATH`, then the injected `homedir()`.
 */
export function resolveHomeDir(env: Env, homedir: () => string = osHomedir): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? 'C:'}${env.HOMEPATH}`;
  return homedir();
}

/**
 * Expands a shared-file path as botocore does (`os.path.expandvars` then `expanduser`): `$NAME` and
 * `${NAME}` become their environment values (unknown names are left as written), and a leading
 * `~` (alone, or before `/` or `\`) becomes the home directory. `~user` is not expanded.
 */
export function expandPath(path: string, env: Env, homedir?: () => string): string {
  const expanded = path.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (whole, braced?: string, bare?: string) => {
    const value = env[(braced ?? bare)!];
    return value ?? whole;
  });
  if (expanded === '~') return resolveHomeDir(env, homedir);
  if (/^~[/\\]/.test(expanded)) return join(resolveHomeDir(env, homedir), expanded.slice(2));
  return expanded;
}

/** Options of {@link loadSharedConfigFiles}. */
export interface LoadSharedConfigFilesOptions {
  /**
   * Path of the config file.
   * @default env `AWS_CONFIG_FILE`, else `~/.aws/config`
   */
  configFile?: string;
  /**
   * Path of the credentials file.
   * @default env `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`
   */
  credentialsFile?: string;
  /**
   * Environment variables.
   * @default process.env
   */
  env?: Env;
  /**
   * Filesystem port.
   * @default nodeConfigFileSystem
   */
  fs?: ConfigFileSystem;
  /**
   * Home directory lookup, used when `HOME`/`USERPROFILE` are unset.
   * @default os.homedir
   */
  homedir?: () => string;
  /** Aborts the reads. */
  signal?: AbortSignal;
}

/** Both shared files, merged. Profile maps may hold secrets (`aws_secret_access_key`): never log them. */
export interface SharedConfigFiles {
  /** The config file path as configured (before `~` expansion), used in messages. */
  configFile: string;
  /** The credentials file path as configured (before `~` expansion), used in messages. */
  credentialsFile: string;
  /** Profiles of both files; for the same profile, credentials-file keys win over config-file keys. */
  profiles: Record<string, IniSection>;
  /** `[sso-session name]` sections of the config file. */
  ssoSessions: Record<string, IniSection>;
  /** `[services name]` sections of the config file. */
  services: Record<string, IniSection>;
  /** Where `profile`'s `key` came from (`~/.aws/config [profile dev]`), or `undefined` if unset. */
  sourceOf(profile: string, key: string): string | undefined;
}

/** Default path of the config file. */
export const DEFAULT_CONFIG_FILE = '~/.aws/config';
/** Default path of the credentials file. */
export const DEFAULT_CREDENTIALS_FILE = '~/.aws/credentials';

/**
 * Reads and merges `~/.aws/config` and `~/.aws/credentials` (or the files named by options or
 * `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`). Missing files count as empty. Profiles present
 * in both are merged key by key with the credentials file winning, as botocore's session does.
 *
 * @throws {ConfigError} `ERR_CONFIG` when a file is malformed.
 * @throws {AbortError} `ERR_ABORTED` when `signal` aborts.
 * @example
 * ```ts
 * const shared = await loadSharedConfigFiles({ env: process.env });
 * const region = shared.profiles[process.env.AWS_PROFILE ?? 'default']?.region;
 * ```
 */
export async function loadSharedConfigFiles(options: LoadSharedConfigFilesOptions = {}): Promise<SharedConfigFiles> {
  const env = options.env ?? processEnv();
  const fs = options.fs ?? nodeConfigFileSystem;
  const configFile = options.configFile ?? (env.AWS_CONFIG_FILE || DEFAULT_CONFIG_FILE);
  const credentialsFile = options.credentialsFile ?? (env.AWS_SHARED_CREDENTIALS_FILE || DEFAULT_CREDENTIALS_FILE);
  throwIfAborted(options.signal);
  const readOptions = options.signal ? { signal: options.signal } : {};
  const [configText, credentialsText] = await Promise.all([
    readShared(fs, expandPath(configFile, env, options.homedir), readOptions, configFile),
    readShared(fs, expandPath(credentialsFile, env, options.homedir), readOptions, credentialsFile),
  ]);
  throwIfAborted(options.signal);
  const config = parseIni(configText ?? '', { fileKind: 'config', fileName: configFile });
  const credentials = parseIni(credentialsText ?? '', { fileKind: 'credentials', fileName: credentialsFile });

  const profiles = dict<IniSection>();
  const origins = dict<Record<string, string>>();
  for (const file of [config, credentials]) {
    for (const [name, section] of Object.entries(file.profiles)) {
      const merged = (profiles[name] ??= dict<IniValue>());
      const origin = (origins[name] ??= dict<string>());
      for (const [key, value] of Object.entries(section)) {
        merged[key] = value;
        origin[key] = file.sources[name]!;
      }
    }
  }
  return {
    configFile,
    credentialsFile,
    profiles,
    ssoSessions: config.ssoSessions,
    services: config.services,
    sourceOf: (profile, key) => (Object.hasOwn(origins, profile) ? origins[profile]![key] : undefined),
  };
}

async function readShared(
  fs: ConfigFileSystem,
  path: string,
  options: { signal?: AbortSignal },
  shown: string,
): Promise<string | undefined> {
  try {
    return await fs.readFile(path, options);
  } catch (err) {
    throwIfAborted(options.signal);
    throw new ConfigError(`Cannot read ${shown}`, { source: shown, cause: err });
  }
}
