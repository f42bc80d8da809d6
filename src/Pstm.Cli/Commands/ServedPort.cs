namespace Pstm.Cli.Commands;

/// <summary>The port a watching build serves on, and the option that gave it (named in its diagnostics).</summary>
internal readonly record struct ServedPort(int Number, string Option);
