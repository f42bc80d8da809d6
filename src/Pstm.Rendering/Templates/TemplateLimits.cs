using System.Globalization;
using System.Text.RegularExpressions;
using Scriban.Syntax;

namespace Pstm.Rendering.Templates;

/// <summary>
/// Tells a template that ran into one of the sandbox's bounds (loops, recursion, output, texts, memory,
/// regular expressions) from other runtime errors. Scriban reports them all as <see cref="ScriptRuntimeException"/>,
/// so they are told apart by their message; the tests pin each wording.
/// </summary>
internal static class TemplateLimits
{
    public sealed record Limit(string Message, string Hint);

    public static Limit? Describe(ScriptRuntimeException exception)
    {
        var message = exception.OriginalMessage;
        if (message.Contains("iteration limit", StringComparison.Ordinal))
        {
            return new(string.Create(CultureInfo.InvariantCulture, $"a loop ran more than {TemplateSandbox.LoopLimit:N0} times"), "check the loop's condition: a 'while' whose condition never becomes false, or a range far larger than the model's lists");
        }

        if (message.Contains("recursive depth limit", StringComparison.Ordinal))
        {
            return new($"functions or includes nested more than {TemplateSandbox.RecursiveLimit} deep", "a function that calls itself without end, or a template that includes itself (directly or through others)");
        }

        if (message.Contains("OutputLimit", StringComparison.Ordinal))
        {
            return new(string.Create(CultureInfo.InvariantCulture, $"the template wrote more than {TemplateSandbox.OutputLimit:N0} characters"), "a loop writes far more than the plan holds: check its range and what it repeats");
        }

        if (message.Contains("LimitToString", StringComparison.Ordinal))
        {
            return new(string.Create(CultureInfo.InvariantCulture, $"a text grew past {TemplateSandbox.TextLimit:N0} characters"), TextHint);
        }

        if (exception is TemplateBoundException)
        {
            return new(message, TextHint);
        }

        if (exception.InnerException is RegexMatchTimeoutException || message.Contains("Regex engine has timed out", StringComparison.Ordinal))
        {
            return new("a regular expression took too long", "simplify the pattern: nested repetitions such as (a+)+ can take forever");
        }

        return null;
    }

    /// <summary>The templates of one document ran past their time.</summary>
    public static Limit Time(TimeSpan budget) => new(
        string.Create(CultureInfo.InvariantCulture, $"the templates ran longer than {budget.TotalSeconds:0.#} s"),
        "a loop does far more work than the plan needs: check what it repeats, and on how large a text");

    private const string TextHint = "a loop that doubles or keeps appending to a text: check its range and what it adds";
}
