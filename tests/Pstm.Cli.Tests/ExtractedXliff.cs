using Pstm.Plan.Translation;

namespace Pstm.Cli.Tests;

/// <summary>A copy of the shipped plan and the XLIFF that <c>pstm i18n extract</c> wrote of it, for tests that change the XLIFF and import it.</summary>
internal sealed class ExtractedXliff : IDisposable
{
    public ExtractedXliff(string locale = "en")
    {
        Plan = CliRunner.CopyOfShippedPlan();
        Path = System.IO.Path.Combine(Plan.Parent!.FullName, $"{Plan.Name}.xlf");
        Locale = locale;
        if (locale != "en")
        {
            Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n add {locale} {Plan.FullName}").ExitCode);
        }

        Assert.Equal(ExitCodes.Success, Extract().ExitCode);
    }

    public DirectoryInfo Plan { get; }

    /// <summary>The XLIFF file, beside the plan's folder.</summary>
    public string Path { get; }

    public string Locale { get; }

    public string Text
    {
        get => File.ReadAllText(Path);
        set => File.WriteAllText(Path, value);
    }

    public string TranslationPath => System.IO.Path.Combine(Plan.FullName, "translations", $"{Locale}.yaml");

    public (int ExitCode, string Out, string Error) Extract() => CliRunner.Run($"i18n extract {Plan.FullName} --locale {Locale} -o {Path}");

    public (int ExitCode, string Out, string Error) Import() => CliRunner.Run($"i18n import {Plan.FullName} {Path}");

    /// <summary>The text the translation file holds for <paramref name="key"/>.</summary>
    public string Translation(string key) =>
        TranslationFile.Load(Plan.FullName, Locale, Plan.FullName, new Pstm.Diagnostics.DiagnosticBag()).Entries[key].Text;

    /// <summary>Every file of the plan, by its path in the plan folder.</summary>
    public Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Plan.FullName, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(Plan.FullName, f), File.ReadAllBytes);

    /// <summary>The 1-based line of the XLIFF where <paramref name="text"/> first appears.</summary>
    public int LineOf(string text) => Text[..Text.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    public void Dispose()
    {
        Plan.Delete(recursive: true);
        File.Delete(Path);
    }
}
