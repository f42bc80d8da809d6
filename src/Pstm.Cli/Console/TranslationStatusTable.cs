using System.Globalization;
using System.Text.Json;
using Pstm.Diagnostics;
using Pstm.Plan.Translation;

namespace Pstm.Cli.Console;

/// <summary>How far each locale is translated, as <c>pstm i18n status</c> and <c>pstm validate</c> print it.</summary>
internal static class TranslationStatusTable
{
    public static void WriteText(TextWriter output, IReadOnlyCollection<TranslationStatus> statuses)
    {
        output.WriteLine("locale  total  translated  missing  stale  percent");
        foreach (var s in statuses)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PrintableText.Escape(s.Locale),-6}  {s.Total,5}  {s.Translated,10}  {s.Missing,7}  {s.Stale,5}  {s.Percent,6:0.0}%"));
        }
    }

    /// <summary>The array <c>locales</c>: one object per locale with its counts.</summary>
    public static void WriteJson(Utf8JsonWriter json, IReadOnlyCollection<TranslationStatus> statuses)
    {
        json.WriteStartArray("locales");
        foreach (var status in statuses)
        {
            json.WriteStartObject();
            json.WriteString("locale", status.Locale);
            json.WriteNumber("total", status.Total);
            json.WriteNumber("translated", status.Translated);
            json.WriteNumber("missing", status.Missing);
            json.WriteNumber("stale", status.Stale);
            json.WriteNumber("percent", status.Percent);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
