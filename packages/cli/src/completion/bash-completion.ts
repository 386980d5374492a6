import type { CompletionSpec } from './completion-spec.js';

/**
 * The bash completion script: commands, each command's flags, the global options, `api`
 * operation names, local paths, and `s3://` URLs (asked of `s3kit completion --s3-urls`, which
 * lists buckets and keys when credentials are at hand and prints nothing otherwise).
 * Load it with `eval "$(s3kit completion bash)"` (e.g. in ~/.bashrc).
 */
export function bashCompletion(spec: CompletionSpec): string {
  const cases = spec.commands.map((c) => `    ${c.name}) flags="${c.flags.join(' ')}" ;;`).join('\n');
  return `# s3kit completion for bash; load with: eval "$(s3kit completion bash)"
_s3kit() {
  # The word being completed, whole: bash splits words at ':', which s3:// URLs contain.
  local line="\${COMP_LINE:0:COMP_POINT}"
  local cur="\${line##*[[:space:]]}"
  local cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${spec.valueOptions.join('|')}) ((i++)) ;;
      -*|:|//*) ;;
      *) if [[ -z "$cmd" ]]; then cmd="\${COMP_WORDS[i]}"; fi ;;
    esac
  done
  if [[ "$cur" == s3:* ]]; then
    local -a words
    read -ra words <<< "$line"
    local IFS=$'\\n'
    COMPREPLY=($(s3kit completion --s3-urls "$cur" -- "\${words[@]}" 2>/dev/null))
    # Bash replaces only the part after the last ':'.
    local head="\${cur%"\${cur##*:}"}"
    COMPREPLY=("\${COMPREPLY[@]#"$head"}")
    compopt -o nospace 2>/dev/null
    return 0
  fi
  local globals="${spec.globalOptions.join(' ')}"
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$globals --help --version" -- "$cur"));
    else COMPREPLY=($(compgen -W "${spec.commands.map((c) => c.name).join(' ')}" -- "$cur")); fi
    return 0
  fi
  local flags=""
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags $globals" -- "$cur"))
  elif [[ "$cmd" == api ]]; then
    COMPREPLY=($(compgen -W "${spec.apiOperations.join(' ')}" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}
complete -o default -F _s3kit s3kit
`;
}
