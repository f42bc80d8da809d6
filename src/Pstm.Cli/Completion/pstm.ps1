# Completion of pstm's commands, options and values for PowerShell.
# Load it now:     pstm completion pwsh | Out-String | Invoke-Expression
# Load it always:  add that line to $PROFILE
# pstm itself answers what may follow the line typed so far (System.CommandLine's [suggest] directive).
Register-ArgumentCompleter -Native -CommandName pstm -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $text = $commandAst.Extent.Text
    $line = $text.Substring(0, [Math]::Min([Math]::Max($cursorPosition - $commandAst.Extent.StartOffset, 0), $text.Length))
    if ($line.Length -lt $cursorPosition - $commandAst.Extent.StartOffset) { $line += ' ' }
    $pstm = (Get-Command pstm -CommandType Application | Select-Object -First 1).Source
    & $pstm "[suggest:$($line.Length)]" $line 2>$null |
        Where-Object { $_ -notmatch '^(/|-\?$)' -and $_ -like "$wordToComplete*" } |
        ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
}
