using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Labels;

/// <summary>One key of the strings files: the placeholders its text may use, and whether it is counted.</summary>
/// <param name="Plural">The text depends on <c>{count}</c> and may be given as plural forms.</param>
/// <param name="ListLength">A list of texts (the months), not one text; a plan's labels cannot set it.</param>
public sealed record LabelKey(string Name, IReadOnlyList<string> Placeholders, bool Plural, int? ListLength);

/// <summary>
/// The keys a templates folder declares in <c>strings/keys.yaml</c>: what its strings files and a plan's
/// <c>labels:</c> may set. The shipped declaration is built into pstm, so that validating a plan needs
/// no templates folder; a folder passed with <c>--templates</c> may declare keys of its own.
/// </summary>
public sealed partial class LabelKeys
{
    /// <summary>The declaration's file name, in the templates folder's <c>strings/</c>.</summary>
    public const string FileName = "keys.yaml";

    private const string ShippedResource = "shipped-label-keys.yaml";

    private static readonly Lazy<LabelKeys> ShippedKeys = new(() =>
    {
        using var stream = typeof(LabelKeys).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"{ShippedResource} is not built into {typeof(LabelKeys).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        return Read("templates/strings/" + FileName, reader.ReadToEnd(), diagnostics) is { } keys && !diagnostics.HasErrors
            ? keys
            : throw new InvalidOperationException("the shipped templates/strings/keys.yaml is invalid");
    });

    private readonly Dictionary<string, LabelKey> _keys;

    private LabelKeys(Dictionary<string, LabelKey> keys, string display)
    {
        _keys = keys;
        Display = display;
    }

    /// <summary>The keys of the shipped templates.</summary>
    public static LabelKeys Shipped => ShippedKeys.Value;

    /// <summary>Where the keys were declared, as diagnostics show it.</summary>
    public string Display { get; }

    /// <summary>Every key, in the order of the declaration.</summary>
    public IReadOnlyCollection<LabelKey> All => _keys.Values;

    public LabelKey? Find(string name) => _keys.GetValueOrDefault(name);

    /// <summary>
    /// The keys a templates folder declares; the shipped ones when it declares none (a folder made before
    /// keys were declared). Null, after reporting why, when its declaration cannot be read.
    /// </summary>
    public static LabelKeys? InTemplates(string templatesDirectory, string displayRoot, DiagnosticBag diagnostics) =>
        InLayers([templatesDirectory], displayRoot, diagnostics);

    /// <summary>
    /// The keys of the top layer of <paramref name="layers"/> (top first) that declares them, or the shipped ones;
    /// null after reporting why the declaration cannot be read.
    /// </summary>
    public static LabelKeys? InLayers(IEnumerable<string> layers, string displayRoot, DiagnosticBag diagnostics)
    {
        var file = layers.Select(layer => Path.Combine(layer, "strings", FileName)).FirstOrDefault(File.Exists);
        if (file is null)
        {
            return Shipped;
        }

        var display = PlanLoader.DisplayPath(displayRoot, file);
        return SourceFileReader.Read(file, display, diagnostics) is { } text ? Read(display, text, diagnostics) : null;
    }

    /// <summary>Reads a declaration: <c>key: [placeholder, …]</c> or <c>key: { placeholders: […], plural: true, list: 12 }</c>.</summary>
    public static LabelKeys? Read(string display, string text, DiagnosticBag diagnostics)
    {
        if (YamlDocumentReader.Read(display, text, diagnostics) is not YamlMapping mapping)
        {
            return null;
        }

        var keys = new Dictionary<string, LabelKey>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (Key(entry, display, diagnostics) is { } key)
            {
                keys[key.Name] = key;
            }
        }

        return diagnostics.HasErrors ? null : new LabelKeys(keys, display);
    }

    /// <summary>The placeholders a text uses, in order, each once: <c>{mission} {number}.</c> → mission, number.</summary>
    public static IReadOnlyList<(string Name, int Index)> PlaceholdersIn(string text) =>
        Placeholder().Matches(text).DistinctBy(m => m.Groups[1].Value).Select(m => (m.Groups[1].Value, m.Index)).ToList();

    private static LabelKey? Key(YamlEntry entry, string display, DiagnosticBag diagnostics)
    {
        void Invalid(SourceSpan span, string what) => diagnostics.Add(PlanDiagnostics.LabelKeysInvalid.Create(
            span, $"'{entry.Key.Value}' in {display}: {what}",
            "declare each key as key: [placeholder, …], or key: { placeholders: [count], plural: true }, or key: { list: 12 }"));

        if (!KeyName().IsMatch(entry.Key.Value))
        {
            Invalid(entry.Key.Span, "a key is written in lower case letters, digits and '_'");
            return null;
        }

        switch (entry.Value)
        {
            case YamlSequence list:
                return Names(list, Invalid) is { } names ? new LabelKey(entry.Key.Value, names, false, null) : null;
            case YamlMapping fields:
                IReadOnlyList<string> placeholders = [];
                bool plural = false;
                int? length = null;
                foreach (var field in fields.Entries)
                {
                    switch (field.Key.Value, field.Value)
                    {
                        case ("placeholders", YamlSequence declared):
                            if (Names(declared, Invalid) is not { } read)
                            {
                                return null;
                            }

                            placeholders = read;
                            break;
                        case ("plural", YamlScalar { Value: "true" or "false" } flag):
                            plural = flag.Value == "true";
                            break;
                        case ("list", YamlScalar number) when int.TryParse(number.Value, out var count) && count > 0:
                            length = count;
                            break;
                        default:
                            Invalid(field.Key.Span, $"'{field.Key.Value}' is not placeholders: [names], plural: true or list: a number");
                            return null;
                    }
                }

                if (plural && !placeholders.Contains("count"))
                {
                    Invalid(entry.Value.Span, "a plural key must declare the placeholder {count}, the number that chooses its form");
                    return null;
                }

                return new LabelKey(entry.Key.Value, placeholders, plural, length);
            default:
                Invalid(entry.Value.Span, $"expected a list of placeholders or a mapping, found {MappingReader.Describe(entry.Value)}");
                return null;
        }
    }

    private static List<string>? Names(YamlSequence list, Action<SourceSpan, string> invalid)
    {
        var names = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar || !KeyName().IsMatch(scalar.Value))
            {
                invalid(item.Span, "a placeholder is a name of lower case letters, digits and '_', without braces");
                return null;
            }

            names.Add(scalar.Value);
        }

        return names;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\z")]
    private static partial Regex KeyName();

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Placeholder();
}
