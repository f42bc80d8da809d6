using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Pstm.Cli.Tests.Serve;

/// <summary>
/// Hostile requests to the server of pstm serve: the committed corpus (Serve/Hostile/*.http, each with the
/// status it must get), and seeded random mutations of valid requests. Every request is answered with a
/// status line, or its connection cleanly closed, and the server goes on answering.
/// </summary>
public partial class HostileRequestTests(ITestOutputHelper output)
{
    private static readonly string CorpusDirectory = Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Cli.Tests", "Serve", "Hostile");

    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.http").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>
    /// A corpus file: a first line <c># expect: STATUS</c> (or <c>close</c>: closed unanswered), then the request, its line ends sent as CRLF and
    /// each <c>\xHH</c> as the byte HH (<c>\\</c> for a backslash).
    /// </summary>
    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_hostile_request_of_the_corpus_gets_its_status_and_is_closed(string name)
    {
        // Given
        var text = File.ReadAllText(Path.Combine(CorpusDirectory, name + ".http")).ReplaceLineEndings("\n");
        var header = text[..text.IndexOf('\n', StringComparison.Ordinal)];
        var expect = ExpectLine().Match(header).Groups[1].Value;
        int? expected = expect == "close" ? null : int.Parse(expect, CultureInfo.InvariantCulture);
        var request = Unescape(text[(header.Length + 1)..].Replace("\n", "\r\n", StringComparison.Ordinal));
        await using var served = await ServedFolder.StartAsync();

        // When
        var answer = await RawHttp.SendAsync(served.Port, request);

        // Then
        Assert.True(answer.Status == expected, $"{name}: expected {expect}, got: {First(answer)}");
        Assert.True(answer.Closed, $"{name}: the server kept the connection open");
        Assert.DoesNotContain(ServedFolder.Secret, answer.Text);
        Assert.Equal(200, (await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html"))).Status);
    }

    [Fact]
    public async Task An_oversized_request_is_refused_and_closed()
    {
        await using var served = await ServedFolder.StartAsync();

        var longPath = await RawHttp.SendAsync(served.Port, RawHttp.Get("/" + new string('a', 100_000)));
        var longHeaders = await RawHttp.SendAsync(served.Port, $"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n{string.Concat(Enumerable.Range(0, 2000).Select(i => $"X-{i}: {new string('b', 100)}\r\n"))}\r\n");

        Assert.Equal(414, longPath.Status);
        Assert.Equal(431, longHeaders.Status);
        Assert.True(longPath.Closed && longHeaders.Closed);
    }

    /// <summary>
    /// Seeded and reproducible: PSTM_SERVE_FUZZ_SEED (default 14) picks the mutations; PSTM_SERVE_FUZZ_REQUESTS
    /// (default 300) and PSTM_FUZZ_SECONDS (default 20) bound the run, whichever ends it first.
    /// </summary>
    [Fact]
    public async Task Mutated_requests_are_each_answered_or_closed_and_the_server_goes_on()
    {
        var seed = Setting("PSTM_SERVE_FUZZ_SEED", 14);
        var requests = Setting("PSTM_SERVE_FUZZ_REQUESTS", 300);
        var seconds = Setting("PSTM_FUZZ_SECONDS", 20);
        var random = new Random(seed);
        var mutated = Enumerable.Range(0, requests).Select(_ => RequestMutations.Mutate(random)).ToList();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        await using var served = await ServedFolder.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var executions = 0;

        // A few at a time, as a page's requests come; the requests themselves stay those of the seed.
        await Parallel.ForEachAsync(mutated.Select((request, index) => (request, index)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                return;
            }

            var answer = await RawHttp.SendAsync(served.Port, item.request, endAfter: TimeSpan.FromMilliseconds(500));
            var what = answer.Status?.ToString(CultureInfo.InvariantCulture) ?? (answer.Closed ? "closed" : "hung");
            lock (statuses)
            {
                executions++;
                statuses[what] = statuses.GetValueOrDefault(what) + 1;
                if ((answer.Status is null && !answer.Closed) || answer.Status == 500 || answer.Text.Contains(ServedFolder.Secret, StringComparison.Ordinal))
                {
                    failures.Add($"request {item.index} of seed {seed} got {First(answer)}: {Escape(item.request)}");
                }
            }
        });

        output.WriteLine($"seed {seed}: {executions} requests in {clock.Elapsed.TotalSeconds:0.0} s; answers: {string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(200, (await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html"))).Status);
        var deadline = DateTime.UtcNow + RawHttp.Patience;
        while (served.Server.Events.Open > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, served.Server.Events.Open);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string First(RawHttp.Answer answer) =>
        answer.Text.Length == 0 ? (answer.Closed ? "a close without an answer" : "no answer") : answer.Text.Split('\n')[0].TrimEnd('\r');

    private static string Escape(byte[] request) =>
        string.Concat(request.Select(b => b is >= 0x20 and < 0x7f and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}"));

    private static byte[] Unescape(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\\')
            {
                bytes.Add((byte)'\\');
                i++;
            }
            else if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"^# expect: (\d{3}|close)$")]
    private static partial Regex ExpectLine();
}
