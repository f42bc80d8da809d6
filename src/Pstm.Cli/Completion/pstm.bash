# Completion of pstm's commands, options and values for bash.
# Load it now:     source <(pstm completion bash)
# Load it always:  pstm completion bash > ~/.local/share/bash-completion/completions/pstm
# pstm itself answers what may follow the line typed so far (System.CommandLine's [suggest] directive).
_pstm_complete() {
    local line="${COMP_LINE:0:COMP_POINT}"
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local IFS=$'\n'
    local suggestions
    suggestions=$(command pstm "[suggest:${#line}]" "$line" 2>/dev/null | grep -v -e '^/' -e '^-?$')
    COMPREPLY=($(compgen -W "$suggestions" -- "$cur"))
    # Where pstm knows no word (a plan folder, an output folder, a file), the paths that match.
    if [[ ${#COMPREPLY[@]} -eq 0 && "$cur" != -* ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _pstm_complete pstm
