using System.Text;

namespace Pstm.Testing;

/// <summary>
/// Hostile plans too large to commit, written at test time into a temporary folder: each with the
/// code it must be reported with. The plan check's LimitTests and the CLI's HostileInputTests use them.
/// </summary>
internal static class HostilePlans
{
    public const string Header = "id: t\ntitle: T\nentity: E\nperiod: { from: 2025, to: 2027 }\nlanguage: it\n";

    /// <summary>The name of each generated plan and the code it must report.</summary>
    public static TheoryData<string, string> All() => new()
    {
        { "file-of-60-mb", "PSTM0010" },
        { "plan-yaml-of-60-mb", "PSTM0010" },
        { "1001-included-files", "PSTM0011" },
        { "five-files-of-15-mb", "PSTM0012" },
        { "2000-duplicate-keys", "PSTM0013" },
        { "flow-nesting-100k-deep", "PSTM0108" },
        { "block-nesting-100k-deep", "PSTM0108" },
        { "mapping-nesting-100k-deep", "PSTM0108" },
        { "alias-bomb-of-a-billion", "PSTM0109" },
        { "line-of-10-mb-unclosed-quote", "PSTM0101" },
        { "line-of-10-mb-of-brackets", "PSTM0108" },
        { "key-of-1-mb", "PSTM0101" },
        { "symbolic-link-outside", "PSTM0007" },
        { "symbolic-link-to-folder-outside", "PSTM0007" },
        { "symbolic-link-cycle", "PSTM0006" },
    };

    /// <summary>
    /// Writes the plan <paramref name="name"/> into <paramref name="root"/>/plan, and what its links point
    /// at into <paramref name="root"/>/outside, so that deleting the root removes both; returns the plan folder.
    /// </summary>
    public static string Write(string name, string root)
    {
        var folder = Path.Combine(root, "plan");
        var outside = Path.Combine(root, "outside");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(outside);
        var content = Path.Combine(folder, "c.yaml");
        Plan(folder, "c.yaml");
        switch (name)
        {
            case "file-of-60-mb":
                Repeat(content, "missions:\n", "  - id: M1\n", 60 * 1024 * 1024);
                break;
            case "plan-yaml-of-60-mb":
                Repeat(Path.Combine(folder, "plan.yaml"), Header, "# padding\n", 60 * 1024 * 1024);
                break;
            case "1001-included-files":
                Plan(folder, "parts/*.yaml");
                Directory.CreateDirectory(Path.Combine(folder, "parts"));
                for (var i = 0; i <= 1000; i++)
                {
                    File.WriteAllText(Path.Combine(folder, "parts", $"{i:D4}.yaml"), "missions: []\n");
                }

                break;
            case "five-files-of-15-mb":
                Plan(folder, "parts/*.yaml");
                Directory.CreateDirectory(Path.Combine(folder, "parts"));
                for (var i = 0; i < 5; i++)
                {
                    Repeat(Path.Combine(folder, "parts", $"{i}.yaml"), "missions: []\n", "# padding\n", 15 * 1024 * 1024);
                }

                break;
            case "2000-duplicate-keys":
                File.WriteAllText(content, "missions:\n  - id: M1\n    number: 1\n" + string.Concat(Enumerable.Repeat("    title: M\n", 2000)));
                break;
            case "flow-nesting-100k-deep":
                File.WriteAllText(content, "missions: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
                break;
            case "block-nesting-100k-deep":
                File.WriteAllText(content, "missions:\n  " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n");
                break;
            case "mapping-nesting-100k-deep":
                File.WriteAllText(content, "missions: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "x" + new string('}', 100_000) + "\n");
                break;
            case "alias-bomb-of-a-billion":
                var bomb = new StringBuilder("a0: &a0 [" + string.Join(", ", Enumerable.Repeat("lol", 10)) + "]\n");
                for (var i = 1; i <= 9; i++)
                {
                    bomb.Append($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
                }

                File.WriteAllText(content, bomb + "missions: *a9\n");
                break;
            case "line-of-10-mb-unclosed-quote":
                File.WriteAllText(content, "missions:\n  - id: M1\n    number: 1\n    title: \"" + new string('a', 10_000_000) + "\n");
                break;
            case "line-of-10-mb-of-brackets":
                File.WriteAllText(content, "missions: " + new string('[', 5_000_000) + new string(']', 5_000_000) + "\n");
                break;
            case "key-of-1-mb":
                File.WriteAllText(content, new string('k', 1_000_000) + ": x\n");
                break;
            case "symbolic-link-outside":
                File.WriteAllText(Path.Combine(outside, "secret.yaml"), "missions: []\n");
                File.CreateSymbolicLink(content, Path.Combine(outside, "secret.yaml"));
                break;
            case "symbolic-link-to-folder-outside":
                File.WriteAllText(Path.Combine(outside, "secret.yaml"), "missions: []\n");
                Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), outside);
                Plan(folder, "linked/*.yaml");
                break;
            case "symbolic-link-cycle":
                Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), folder);
                Plan(folder, "loop/loop/missing.yaml");
                break;
            default:
                throw new ArgumentException($"no hostile plan named {name}", nameof(name));
        }

        return folder;
    }

    private static void Plan(string folder, string include) =>
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), Header + $"include: [\"{include}\"]\n");

    private static void Repeat(string path, string head, string line, long bytes)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write(head);
        for (long written = head.Length; written < bytes; written += line.Length)
        {
            writer.Write(line);
        }
    }
}
