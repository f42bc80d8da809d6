#compdef pstm
# Completion of pstm's commands, options and values for zsh.
# Load it now:     source <(pstm completion zsh)
# Load it always:  pstm completion zsh > "${fpath[1]}/_pstm"   (then start a new shell)
# pstm itself answers what may follow the line typed so far (System.CommandLine's [suggest] directive).
_pstm() {
    local line="${BUFFER[1,CURSOR]}"
    local -a suggestions
    suggestions=(${(f)"$(command pstm "[suggest:${#line}]" "$line" 2>/dev/null)"})
    suggestions=(${suggestions:#/*})
    suggestions=(${suggestions:#-\?})
    # Where pstm knows no word (a plan folder, an output folder, a file), the paths that match.
    compadd -- $suggestions || { [[ "$PREFIX" == -* ]] || _files }
}
if [[ "$funcstack[1]" == _pstm ]]; then
    _pstm "$@"
else
    compdef _pstm pstm
fi
