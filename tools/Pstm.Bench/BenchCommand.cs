namespace Pstm.Bench;

/// <summary>A process to run: the executable and its arguments, passed as they are (no shell).</summary>
internal sealed record BenchCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public BenchCommand(string fileName, params string[] arguments)
        : this(fileName, (IReadOnlyList<string>)arguments)
    {
    }

    /// <summary>The command as one line for the report, with the work folder shortened to <c>WORK</c>.</summary>
    public string Display(string? work = null)
    {
        var line = string.Join(' ', new[] { Path.GetFileName(FileName) }.Concat(Arguments.Select(Quote)));
        return work is null ? line : line.Replace(Path.TrimEndingDirectorySeparator(work), "WORK", StringComparison.Ordinal);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"'{argument}'";
}
