import type { CompletionSpec } from './completion-spec.js';

/**
 * The zsh completion script (same offers as {@link bashCompletion}'s). Load it with
 * `source <(s3kit completion zsh)` after `compinit`.
 */
export function zshCompletion(spec: CompletionSpec): string {
  const cases = spec.commands.map((c) => `    (${c.name}) flags=(${c.flags.join(' ')}) ;;`).join('\n');
  return `#compdef s3kit
# s3kit completion for zsh; load with: source <(s3kit completion zsh)
_s3kit() {
  local cur=\${words[CURRENT]} cmd= i
  local -a flags urls
  local -a globals=(${spec.globalOptions.join(' ')})
  for ((i = 2; i < CURRENT; i++)); do
    case \${words[i]} in
      (${spec.valueOptions.join('|')}) ((i++)) ;;
      (-*) ;;
      (*) [[ -z $cmd ]] && cmd=\${words[i]} ;;
    esac
  done
  if [[ $cur == s3:* ]]; then
    urls=(\${(f)"$(s3kit completion --s3-urls "$cur" -- \${words[2,CURRENT-1]} 2>/dev/null)"})
    compadd -S '' -- $urls
    return
  fi
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then compadd -- $globals --help --version; else compadd -- ${spec.commands.map((c) => c.name).join(' ')}; fi
    return
  fi
  case $cmd in
${cases}
  esac
  if [[ $cur == -* ]]; then
    compadd -- $flags $globals
  elif [[ $cmd == api ]]; then
    compadd -- ${spec.apiOperations.join(' ')}
  else
    _files
  fi
}
compdef _s3kit s3kit
`;
}
