namespace Pstm.Plan.Validation;

/// <summary>Small helpers for messages that read as English sentences.</summary>
internal static class English
{
    /// <summary>"a driver", "an objective".</summary>
    public static string WithArticle(string noun) =>
        (noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
}
