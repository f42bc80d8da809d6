using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>
/// Reads <c>build:</c> of plan.yaml: the output folder, locales and targets a bare <c>pstm build</c>
/// uses. Loading the plan reports what is wrong in it; a build reads it first, quietly, for its defaults.
/// </summary>
public static class BuildDefaultsReader
{
    /// <summary>The targets a build knows, as the command line's --target names them.</summary>
    public static readonly IReadOnlyList<string> TargetNames = ["booklet", "slides", "all"];

    /// <summary>The defaults of the plan folder's plan.yaml, read without reporting: what is wrong in them is left out.</summary>
    public static BuildDefaults Peek(string planDirectory)
    {
        var planFile = Path.Combine(planDirectory, PlanLoader.RootFileName);
        var ignored = new DiagnosticBag();
        if (!File.Exists(planFile) || SourceFileReader.Read(planFile, planFile, ignored) is not { } text
            || YamlDocumentReader.Read(planFile, text, ignored, emptyIsError: false) is not { } node
            || MappingReader.Open(node, PlanLoader.RootFileName, ignored) is not { } fields
            || fields.Mapping("build") is not { } build)
        {
            return new BuildDefaults();
        }

        var declared = fields.Has("locales") ? fields.TextList("locales").Select(l => l.Value).ToList() : null;
        return Read(build, declared, planDirectory, ignored);
    }

    /// <param name="build">The <c>build:</c> mapping.</param>
    /// <param name="declaredLocales">The plan's locales, to check the ones asked for; null when not known.</param>
    /// <param name="planDirectory">The plan folder, which the output folder must not hold.</param>
    internal static BuildDefaults Read(MappingReader build, IReadOnlyList<string>? declaredLocales, string planDirectory, DiagnosticBag diagnostics)
    {
        build.Subject = "the plan's build defaults";
        var output = ReadOut(build, planDirectory, diagnostics);
        var locales = new List<Located<string>>();
        foreach (var locale in build.TextList("locales"))
        {
            if (declaredLocales is not null && !declaredLocales.Contains(locale.Value, StringComparer.Ordinal))
            {
                diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                    locale.Span,
                    $"build: asks for locale '{locale.Value}', which the plan does not declare (its locales: {string.Join(", ", declaredLocales)})",
                    $"add '{locale.Value}' to 'locales', or remove it from build: locales"));
                continue;
            }

            locales.Add(locale);
        }

        var targets = new List<Located<string>>();
        foreach (var target in build.TextList("targets"))
        {
            if (!TargetNames.Contains(target.Value, StringComparer.Ordinal))
            {
                diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                    target.Span,
                    $"'{target.Value}' is not something pstm builds",
                    $"build: targets takes {string.Join(", ", TargetNames)}"));
                continue;
            }

            targets.Add(target);
        }

        build.Finish();
        return new BuildDefaults { Out = output, Locales = locales, Targets = targets };
    }

    // The editions replace their folders when written: a folder that holds the plan would lose it.
    private static Located<string>? ReadOut(MappingReader build, string planDirectory, DiagnosticBag diagnostics)
    {
        if (build.OptionalText("out") is not { } written || build.Node("out") is not { } node)
        {
            return null;
        }

        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(planDirectory, written)));
        var plan = Path.TrimEndingDirectorySeparator(Path.GetFullPath(planDirectory));
        if (IsSameOrAbove(output, plan))
        {
            diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                node.Span,
                $"build: out '{written}' is {(output.Length == plan.Length ? "the plan folder itself" : "a folder that holds the plan folder")}: the editions would be written among the plan's files",
                "write the editions into a folder of their own, such as out: dist"));
            return null;
        }

        return new Located<string>(written, node.Span);
    }

    private static bool IsSameOrAbove(string folder, string inner)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return inner.Equals(folder, comparison)
            || inner.StartsWith(folder + Path.DirectorySeparatorChar, comparison)
            || (folder.EndsWith(Path.DirectorySeparatorChar) && inner.StartsWith(folder, comparison));
    }
}
