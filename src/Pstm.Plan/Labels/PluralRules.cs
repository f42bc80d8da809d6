namespace Pstm.Plan.Labels;

/// <summary>
/// The CLDR plural rules of whole numbers for the languages pstm knows: which form of a counted label
/// ("1 driver", "2 drivers") a count takes. .NET has no plural rules, and no served library brings
/// them without a native ICU, so the few languages of this family of plans are written out here,
/// from the CLDR's plurals.xml (v = 0: counts have no decimals).
/// </summary>
public sealed class PluralRules
{
    /// <summary>Every category the CLDR names, in its order.</summary>
    public static readonly IReadOnlyList<string> Categories = ["zero", "one", "two", "few", "many", "other"];

    private static readonly Func<long, bool> Millions = n => n != 0 && n % 1_000_000 == 0;

    private static readonly Dictionary<string, PluralRules> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = OneIs(n => n == 1),
        ["de"] = OneIs(n => n == 1),
        ["nl"] = OneIs(n => n == 1),
        ["it"] = OneIs(n => n == 1, Millions),
        ["es"] = OneIs(n => n == 1, Millions),
        ["ca"] = OneIs(n => n == 1, Millions),
        ["fr"] = OneIs(n => n is 0 or 1, Millions),
        ["pt"] = OneIs(n => n is 0 or 1, Millions),
    };

    private readonly IReadOnlyList<(string Form, Func<long, bool> Applies)> _rules;

    private PluralRules(IReadOnlyList<(string Form, Func<long, bool> Applies)> rules, IReadOnlyList<string> required)
    {
        _rules = rules;
        Required = required;
        Forms = [.. rules.Select(r => r.Form), "other"];
    }

    /// <summary>The languages with rules of their own; any other is counted as English is.</summary>
    public static IReadOnlyCollection<string> Languages => Known.Keys;

    /// <summary>The forms the language has, <c>other</c> last.</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>
    /// The forms a counted label must give. <c>many</c> of the Romance languages ("un milione di driver")
    /// is left out: only counts in millions take it, and <c>other</c> stands in for it when missing.
    /// </summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The rules of a language (<c>it</c>, <c>en-GB</c>), or English's for a language pstm has none for.</summary>
    public static PluralRules For(string language)
    {
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return Known.GetValueOrDefault(dash > 0 ? language[..dash] : language) ?? Known["en"];
    }

    /// <summary>The form a count takes: <c>one</c> for 1 in English and Italian, <c>other</c> for 2.</summary>
    public string FormOf(long count) => _rules.FirstOrDefault(r => r.Applies(Math.Abs(count))).Form ?? "other";

    private static PluralRules OneIs(Func<long, bool> one, Func<long, bool>? many = null) =>
        many is null
            ? new([("one", one)], ["one", "other"])
            : new([("one", one), ("many", many)], ["one", "other"]);
}
