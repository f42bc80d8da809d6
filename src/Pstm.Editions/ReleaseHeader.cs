using System.Globalization;
using System.Text.Json;
using Pstm.Plan.Model;

namespace Pstm.Editions;

/// <summary>
/// What <c>manifest.json</c> says of a release as a whole, before its list of files: everything the parts
/// of a release built on several machines must agree on, and the locales they hold between them.
/// </summary>
/// <param name="Generator">"pstm X.Y.Z", as the PDFs' Creator.</param>
/// <param name="PstmVersion">pstm's version alone.</param>
/// <param name="Plan">The plan's <c>id</c>.</param>
/// <param name="Version">The release's version; null for a build with <c>--manifest</c> alone.</param>
/// <param name="EditionDate">The plan's <c>date</c> (YYYY-MM-DD); null when it states none.</param>
/// <param name="PublicationDate">The plan's <c>publication.date</c>; null when it states none.</param>
/// <param name="SourceCommit">The commit the plan folder was built from; null outside git.</param>
/// <param name="SourceDateEpoch">The SOURCE_DATE_EPOCH the editions are dated with; null when the build had none.</param>
/// <param name="Locales">The locales the release holds, in ordinal order.</param>
public sealed record ReleaseHeader(
    string Generator,
    string PstmVersion,
    string Plan,
    string? Version,
    string? EditionDate,
    string? PublicationDate,
    string? SourceCommit,
    long? SourceDateEpoch,
    IReadOnlyList<string> Locales)
{
    /// <summary>The fields every part must have alike, as they are named in the manifest.</summary>
    public static readonly IReadOnlyList<(string Name, Func<ReleaseHeader, string?> Value)> Shared =
    [
        ("plan", h => h.Plan),
        ("version", h => h.Version),
        ("source_commit", h => h.SourceCommit),
        ("pstm_version", h => h.PstmVersion),
        ("generator", h => h.Generator),
        ("source_date_epoch", h => h.SourceDateEpoch?.ToString(CultureInfo.InvariantCulture)),
        ("edition_date", h => h.EditionDate),
        ("publication_date", h => h.PublicationDate),
    ];

    /// <summary>The header of a build of <paramref name="plan"/> in <paramref name="locales"/>.</summary>
    public static ReleaseHeader Of(StrategicPlan plan, IEnumerable<string> locales, string? sourceDateEpoch, ReleaseSource? source) => new(
        EditionBuilder.Generator,
        EditionBuilder.Version,
        plan.Id.Value,
        source?.Version,
        plan.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        plan.Publication?.Date?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        source?.SourceCommit,
        string.IsNullOrWhiteSpace(sourceDateEpoch) ? null : long.Parse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture),
        [.. locales.Distinct().Order(StringComparer.Ordinal)]);

    /// <summary>The header's members, in the manifest's order; the caller writes the object around them.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteString("generator", Generator);
        json.WriteString("pstm_version", PstmVersion);
        json.WriteString("plan", Plan);
        WriteStringOrNull("version", Version);
        WriteStringOrNull("edition_date", EditionDate);
        WriteStringOrNull("publication_date", PublicationDate);
        WriteStringOrNull("source_commit", SourceCommit);
        if (SourceDateEpoch is { } epoch)
        {
            json.WriteNumber("source_date_epoch", epoch);
        }
        else
        {
            json.WriteNull("source_date_epoch");
        }

        json.WriteStartArray("locales");
        foreach (var locale in Locales.Distinct().Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(locale);
        }

        json.WriteEndArray();

        void WriteStringOrNull(string name, string? value)
        {
            if (value is null)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteString(name, value);
            }
        }
    }

    /// <summary>The header of a manifest read back; null with what is missing or wrong in it.</summary>
    public static (ReleaseHeader? Header, string? Problem) Read(JsonElement manifest)
    {
        if (manifest.ValueKind != JsonValueKind.Object)
        {
            return (null, "it is not a JSON object");
        }

        string? problem = null;
        var header = new ReleaseHeader(
            Required("generator"),
            Required("pstm_version"),
            Required("plan"),
            Optional("version"),
            Optional("edition_date"),
            Optional("publication_date"),
            Optional("source_commit"),
            Epoch(),
            Locales());
        return problem is null ? (header, null) : (null, problem);

        string Required(string name) => Optional(name) ?? Missing(name, "a string");

        string? Optional(string name)
        {
            if (!manifest.TryGetProperty(name, out var value))
            {
                Missing(name, "a string or null");
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => Wrong(name, "a string or null"),
            };
        }

        long? Epoch()
        {
            if (!manifest.TryGetProperty("source_date_epoch", out var value))
            {
                Missing("source_date_epoch", "a number or null");
                return null;
            }

            return value.ValueKind == JsonValueKind.Null ? null
                : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) ? seconds
                : WrongEpoch();
        }

        IReadOnlyList<string> Locales()
        {
            if (!manifest.TryGetProperty("locales", out var value) || value.ValueKind != JsonValueKind.Array
                || value.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
            {
                Missing("locales", "a list of locales");
                return [];
            }

            return [.. value.EnumerateArray().Select(l => l.GetString()!)];
        }

        string Missing(string name, string expected)
        {
            problem ??= $"it has no '{name}' ({expected}): it was not written by this version of pstm's build --release or --manifest";
            return "";
        }

        string? Wrong(string name, string expected)
        {
            problem ??= $"its '{name}' is not {expected}";
            return null;
        }

        long? WrongEpoch()
        {
            Wrong("source_date_epoch", "a whole number or null");
            return null;
        }
    }
}
