# Bash completion for vanban: commands, options, document folders, kinds and styles.
# Installed to share/bash-completion/completions/vanban (loaded on first use by Debian's
# bash-completion); without that package: `source` this file from ~/.bashrc.
#
# Kinds and styles are the folders of the data vanban itself uses: <prefix>/share/vanban
# beside an installed binary, or the source tree of one run from its build folder
# (build/<preset>/vanban), as pipeline/cli/data_dir.cpp finds it.

# The data folder of the vanban being completed (its path in COMP_WORDS[0], or the one on PATH).
_vanban_data_dir() {
  local exe=$1 dir
  [[ $exe == */* ]] || exe=$(type -P "$exe" 2>/dev/null)
  [[ -n $exe ]] || return
  exe=$(readlink -f -- "$exe" 2>/dev/null) || return
  dir=${exe%/*}
  if [[ -d $dir/../share/vanban/styles ]]; then
    printf '%s\n' "$dir/../share/vanban"
  elif [[ -d $dir/../../styles ]]; then
    printf '%s\n' "$dir/../.."
  fi
}

# Names of the folders (or, with an extension, the files without it) in a folder.
_vanban_names() {
  local dir=$1 ext=$2 f
  for f in "$dir"/*${ext}; do
    [[ -e $f ]] || continue
    f=${f##*/}
    printf '%s\n' "${f%"$ext"}"
  done
}

_vanban() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="build check new watch sign issue verify extract"
  local data
  data=$(_vanban_data_dir "${COMP_WORDS[0]}")
  COMPREPLY=()

  if (( COMP_CWORD == 1 )); then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  local command=${COMP_WORDS[1]}

  case $prev in
    -o|--output)
      COMPREPLY=($(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur"))
      compopt -o filenames 2>/dev/null
      return ;;
    --styles)
      COMPREPLY=($(compgen -d -- "$cur"))
      compopt -o filenames 2>/dev/null
      return ;;
    --imposition)
      COMPREPLY=($(compgen -W "saddle-stitch none" -- "$cur"))
      return ;;
    --signature)
      COMPREPLY=($(compgen -W "8 16 32" -- "$cur"))
      return ;;
    --copies-from)
      COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -d -- "$cur"))
      compopt -o filenames 2>/dev/null
      return ;;
    --pdfa)
      COMPREPLY=($(compgen -W "1b 2b 3b" -- "$cur"))
      return ;;
    --field)
      COMPREPLY=($(compgen -W "signer organisation" -- "$cur"))
      return ;;
    --p12|--image|--seal|--ca|--password-file)
      local ext
      case $prev in --p12) ext='!*.p12' ;; --ca) ext='!*.pem' ;; --password-file) ext='' ;; *) ext='!*.png' ;; esac
      COMPREPLY=($(compgen -f -X "$ext" -- "$cur") $(compgen -d -- "$cur"))
      compopt -o filenames 2>/dev/null
      return ;;
    --number|--date|--tsa|--reason|--location|--seal-diameter)
      return ;;  # (a value of the user's own)
    --style)
      local styles=${VANBAN_STYLES:-$data/styles}
      COMPREPLY=($(compgen -W "$(_vanban_names "$styles" .yaml)" -- "$cur"))
      return ;;
  esac

  local options
  local signing="--p12 --password-file --reason --location --image --seal --seal-diameter --tsa"
  case $command in
    build) options="-o --output --final --unissued --pdfa --sign $signing --dump=lines --dump=pages --styles --imposition --creep --crop-marks --bleed --signature --copies --copies-from --help" ;;
    sign) options="-o --output --field $signing --help" ;;
    issue) options="-o --output --number --date $signing --help" ;;
    verify) options="--json --ca --help" ;;
    extract) options="-o --output --help" ;;
    check) options="--final --styles --help" ;;
    watch) options="-o --output --final --styles --help" ;;
    new) options="--style --help" ;;
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi

  if [[ $command == new ]]; then
    # The first word after `new` is a kind (of the --style given, else of any style).
    local i words=0 style=""
    for (( i = 2; i < COMP_CWORD; i++ )); do
      case ${COMP_WORDS[i]} in
        --style) style=${COMP_WORDS[i+1]}; (( i++ )) ;;
        --style=*) style=${COMP_WORDS[i]#--style=} ;;
        -*) ;;
        *) (( words++ )) ;;
      esac
    done
    if (( words == 0 )); then
      local kinds="" s
      for s in "$data"/templates/${style:-*}; do
        [[ -d $s ]] && kinds+=" $(_vanban_names "$s")"
      done
      COMPREPLY=($(compgen -W "$(printf '%s\n' $kinds | sort -u)" -- "$cur"))
    else
      COMPREPLY=($(compgen -d -- "$cur"))
      compopt -o filenames 2>/dev/null
    fi
    return
  fi
  if [[ $command == sign || $command == issue || $command == verify || $command == extract ]]; then
    COMPREPLY=($(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur"))
    compopt -o filenames 2>/dev/null
    return
  fi
  # A document: a folder (holding document.yaml) or a .yaml file.
  COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
  compopt -o filenames 2>/dev/null
}

complete -F _vanban vanban
