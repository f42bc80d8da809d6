using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Labels;

/// <summary>
/// Reads a plan's <c>labels:</c>. A label is a text, or for a counted label its plural forms
/// (<c>drivers_heading: { one: "1 direttrice", other: "{count} direttrici" }</c>), kept as one entry per
/// form, <c>drivers_heading.one</c>: so each form is a text of its own to translate, as <c>labels.drivers_heading.one</c>.
/// </summary>
internal static class LabelReader
{
    private const string Hint = "write labels as key: text, for example mission: Asse, or a counted one as drivers_heading: { one: \"1 driver\", other: \"{count} driver\" }";

    public static (Dictionary<string, string> Labels, Dictionary<string, LabelSource> At) Read(MappingReader? mapping, DiagnosticBag diagnostics)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = new Dictionary<string, LabelSource>(StringComparer.Ordinal);
        foreach (var entry in mapping?.Entries ?? [])
        {
            if (entry.Value is YamlMapping forms)
            {
                foreach (var form in forms.Entries)
                {
                    Text($"{entry.Key.Value}.{form.Key.Value}", form.Key, form.Value, labels, at, diagnostics);
                }

                // A key with no forms is still a key: its name is checked like any other.
                at.TryAdd(entry.Key.Value, new LabelSource(entry.Key.Span, entry.Value.Span));
            }
            else
            {
                Text(entry.Key.Value, entry.Key, entry.Value, labels, at, diagnostics);
            }
        }

        return (labels, at);
    }

    private static void Text(
        string key, YamlScalar keyNode, YamlNode value, Dictionary<string, string> labels, Dictionary<string, LabelSource> at, DiagnosticBag diagnostics)
    {
        at[key] = new LabelSource(keyNode.Span, value.Span);
        if (value is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            OneLineText.Check(scalar.Value.Trim(), scalar.Span, $"'{key}' of 'labels'", diagnostics);
            labels[key] = scalar.Value.Trim();
        }
        else
        {
            diagnostics.Add(PlanDiagnostics.WrongType.Create(value.Span, $"label '{key}' must be a text, found {MappingReader.Describe(value)}", Hint));
        }
    }
}
