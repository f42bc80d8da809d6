using System.CommandLine;
using Pstm.Cli.Console;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>pstm completion SHELL</c>: the script that teaches a shell to complete pstm's commands, options and
/// values. Each script asks pstm itself (System.CommandLine's <c>[suggest]</c> directive), so it never
/// falls behind the commands it completes.
/// </summary>
internal sealed class CompletionCommand : Command
{
    public static readonly string[] Examples =
    [
        "source <(pstm completion bash)                                  # bash, now",
        "pstm completion bash > ~/.local/share/bash-completion/completions/pstm",
        "pstm completion zsh > \"${fpath[1]}/_pstm\"                       # zsh",
        "pstm completion fish > ~/.config/fish/completions/pstm.fish     # fish",
        "pstm completion pwsh | Out-String | Invoke-Expression           # PowerShell (add it to $PROFILE)",
    ];

    /// <summary>The shells, each with the script's resource name.</summary>
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = "pstm.bash",
        ["zsh"] = "pstm.zsh",
        ["fish"] = "pstm.fish",
        ["pwsh"] = "pstm.ps1",
    };

    private static readonly Argument<string> Shell = CreateShell();

    public CompletionCommand(ICliConsole console)
        : base("completion", "The script that completes pstm's commands, options and values in a shell: bash, zsh, fish or pwsh.")
    {
        Arguments.Add(Shell);
        SetAction(parse =>
        {
            console.Out.Write(Script(parse.GetValue(Shell)!));
            return ExitCodes.Success;
        });
    }

    /// <summary>The completion script of <paramref name="shell"/>, as shipped inside pstm.</summary>
    public static string Script(string shell)
    {
        using var stream = typeof(CompletionCommand).Assembly.GetManifestResourceStream(Scripts[shell])
            ?? throw new InvalidOperationException($"the completion script for {shell} is missing from pstm");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Argument<string> CreateShell()
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        return shell;
    }
}
