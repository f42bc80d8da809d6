using System.Globalization;
using System.Text;
using CsvHelper;

namespace Pstm.OpenData;

/// <summary>
/// An edition as five CSV files (RFC 4180: a header row, CRLF line ends, a field with a comma, a quote,
/// CR or LF quoted and its quotes doubled), one record a row. Every row starts with the edition
/// (<c>plan</c>, <c>locale</c>, <c>edition_date</c>) and the record's stable id, so that rows of several
/// editions can be put together. A text not written yet is an empty field.
/// </summary>
public static class CsvExport
{
    public const string MissionsFile = "missions.csv";
    public const string ObjectivesFile = "objectives.csv";
    public const string ActionsFile = "actions.csv";
    public const string DriversFile = "drivers.csv";
    public const string LinksFile = "links.csv";

    /// <summary>UTF-8 without a byte-order mark: RFC 4180 and open-data portals read the first header as <c>plan</c>, not <c>\uFEFFplan</c>.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>RFC 4180, said out loud rather than left to the library's defaults.</summary>
    public static CsvWriterOptions Options { get; } = new()
    {
        Mode = CsvMode.Rfc4180,
        Quoting = CsvQuoting.WhenNeeded,
        NewLine = "\r\n",
        WriteByteOrderMark = false,
    };

    /// <summary>Each file's name and text, in the order above.</summary>
    public static IReadOnlyList<(string Name, string Text)> Write(OpenDataEdition data)
    {
        var edition = data.Edition;
        string[] key = ["plan", "locale", "edition_date"];
        string[] Key() => [edition.PlanId, edition.Locale, edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

        return
        [
            (MissionsFile, Table(
                [.. key, "id", "number", "code", "color", "title", "title_markdown"],
                data.Missions.Select(m => (string?[])[.. Key(), m.Id, N(m.Number), m.Code, m.Color, m.Title, m.TitleMarkdown]))),
            (ObjectivesFile, Table(
                [.. key, "id", "mission", "position", "code", "title", "title_markdown", "text", "text_markdown", "body_markdown", "action_count"],
                data.Objectives.Select(o => (string?[])[.. Key(), o.Id, o.Mission, N(o.Position), o.Code, o.Title, o.TitleMarkdown, o.Text, o.TextMarkdown, o.BodyMarkdown, N(o.Actions.Count)]))),
            (ActionsFile, Table(
                [.. key, "id", "objective", "position", "code", "text", "text_markdown"],
                data.Actions.Select(a => (string?[])[.. Key(), a.Id, a.Objective, N(a.Position), a.Code, a.Text, a.TextMarkdown]))),
            (DriversFile, Table(
                [.. key, "id", "number", "code", "name", "name_markdown", "subtitle", "subtitle_markdown", "description", "description_markdown"],
                data.Drivers.Select(d => (string?[])[.. Key(), d.Id, N(d.Number), d.Code, d.Name, d.NameMarkdown, d.Subtitle, d.SubtitleMarkdown, d.Description, d.DescriptionMarkdown]))),
            (LinksFile, Table(
                [.. key, "driver", "kind", "target"],
                data.Links.Select(l => (string?[])[.. Key(), l.Driver, l.Kind, l.Target]))),
        ];
    }

    private static string Table(string[] header, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row!);
            }
        }

        return text.ToString();
    }
}
