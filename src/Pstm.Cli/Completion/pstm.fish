# Completion of pstm's commands, options and values for fish.
# Load it now:     pstm completion fish | source
# Load it always:  pstm completion fish > ~/.config/fish/completions/pstm.fish
# pstm itself answers what may follow the line typed so far (System.CommandLine's [suggest] directive).
function __pstm_complete
    set -l line (commandline -cp)
    set -l words (command pstm "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null | string match -v -r '^(/|-\?$)')
    set -l current (commandline -ct)
    set -l matching (string match -- "$current*" $words)
    if test (count $matching) -gt 0
        printf '%s\n' $words
    else if not string match -q -- '-*' "$current"
        # Where pstm knows no word (a plan folder, an output folder, a file), the paths that match.
        __fish_complete_path "$current"
    end
end
complete -c pstm -e
complete -c pstm -x -a '(__pstm_complete)'
