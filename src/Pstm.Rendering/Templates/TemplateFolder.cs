using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = Pstm.Diagnostics.SourceSpan;

namespace Pstm.Rendering.Templates;

/// <summary>
/// A folder of Scriban templates. Templates are data: they may include only files of this folder,
/// have no file or network functions, and loops and recursion are bounded. Every template problem
/// becomes a diagnostic at the template's file, line and column.
/// </summary>
public sealed class TemplateFolder : ITemplateLoader
{
    private readonly string _root;
    private readonly string _displayRoot;
    private readonly string _realRoot;

    private TemplateFolder(string root, string displayRoot)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        _displayRoot = displayRoot;
        _realRoot = Path.TrimEndingDirectorySeparator(RealPath(_root)) + Path.DirectorySeparatorChar;
    }

    public string Root => _root;

    /// <summary>Every file of the folder, in ordinal order, without following links to folders.</summary>
    public IEnumerable<string> Files() => Files(_root);

    public static TemplateFolder? Open(string folder, string displayRoot, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(folder))
        {
            if (TemplateFolderCheck.Problem(folder, PlanLoader.DisplayPath(displayRoot, folder)) is { } problem)
            {
                diagnostics.Add(problem);
                return null;
            }

            return HasOnlyRegularFiles(folder, displayRoot, diagnostics) ? new TemplateFolder(folder, displayRoot) : null;
        }

        diagnostics.Add(RenderingDiagnostics.TemplatesNotFound.Create(
            SourceSpan.ForFile(string.IsNullOrWhiteSpace(folder) ? "--templates" : PlanLoader.DisplayPath(displayRoot, folder)),
            $"the templates folder '{folder}' does not exist",
            "pass --templates with a folder that holds booklet/layout.sbn-html, or leave it out to use the shipped templates"));
        return null;
    }

    // Every file of the folder is read (into the build's fingerprint, at the least): a named pipe among
    // them would hang the build, so it is refused before anything is read.
    private static bool HasOnlyRegularFiles(string folder, string displayRoot, DiagnosticBag diagnostics)
    {
        var regular = true;
        foreach (var file in Files(folder))
        {
            if (!RegularFile.Is(file))
            {
                var display = PlanLoader.DisplayPath(displayRoot, file);
                diagnostics.Add(RenderingDiagnostics.TemplateNotRegularFile.Create(
                    SourceSpan.ForFile(display),
                    $"'{display}' is not a regular file: a named pipe, a device, a socket, or a link to one or to nothing",
                    "remove it from the templates folder: pstm reads only regular files there"));
                regular = false;
            }
        }

        return regular;
    }

    /// <summary>
    /// The files of a templates folder, in ordinal order. A linked folder is not entered: it leads
    /// elsewhere (a link to /etc), and nothing under it may be read anyway.
    /// </summary>
    public static IReadOnlyList<string> Files(string folder) =>
        [.. TemplateFolderCheck.FilesOf(folder).Select(f => f.Path).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The full path of a file of the folder, or null when the name leads outside it: through <c>..</c>,
    /// as an absolute path, or through a symbolic link anywhere on the way.
    /// </summary>
    public string? PathOf(string relative)
    {
        if (!IsPlainRelativeName(relative))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return full.StartsWith(_root, StringComparison.Ordinal) && RealPath(full).StartsWith(_realRoot, StringComparison.Ordinal) ? full : null;
    }

    // Control characters (NUL among them), backslashes and rooted names are never a file of the folder
    // on any system: refused before they reach the file system.
    private static bool IsPlainRelativeName(string name) =>
        name.Length > 0 && !name.Any(char.IsControl) && !name.Contains('\\') && !name.Contains(':') && !Path.IsPathRooted(name);

    /// <summary>The path with every symbolic link on it resolved, as far as it exists.</summary>
    private static string RealPath(string fullPath)
    {
        var current = Path.GetPathRoot(fullPath)!;
        foreach (var part in fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            try
            {
                // A link's target may itself sit behind links: resolve it as a whole path again.
                current = info.LinkTarget is null ? next : RealPath(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next);
            }
            catch (IOException)
            {
                return "";
            }
        }

        return current;
    }

    public string Display(string fullPath) => PlanLoader.DisplayPath(_displayRoot, fullPath);

    /// <summary>How long the templates of one document may run; tests shorten it.</summary>
    internal TimeSpan RenderBudget { get; set; } = TemplateSandbox.RenderBudget;

    /// <summary>
    /// Renders <paramref name="name"/> with <paramref name="model"/>; null after reporting why it failed.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> stops it.
    /// </summary>
    public string? Render(string name, ScriptObject model, DiagnosticBag diagnostics, CancellationToken cancellation = default)
    {
        var path = PathOf(name);
        if (path is null || !File.Exists(path))
        {
            diagnostics.Add(RenderingDiagnostics.TemplateNotFound.Create(
                SourceSpan.ForFile(Display(Path.Combine(_root, name))),
                $"the template '{name}' does not exist in {Display(_root)}",
                "copy the shipped templates folder and edit the copy, keeping every file name"));
            return null;
        }

        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            ReportParseMessages(template.Messages, diagnostics);
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(RenderBudget);
        var context = TemplateSandbox.Create(this, budget.Token);
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptAbortException) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellation);
        }
        catch (ScriptAbortException exception)
        {
            var limit = TemplateLimits.Time(RenderBudget);
            diagnostics.Add(RenderingDiagnostics.TemplateLimit.Create(ToSpan(exception.Span), limit.Message, limit.Hint));
            return null;
        }
        catch (ScriptParserRuntimeException exception)
        {
            ReportParseMessages(exception.ParserMessages, diagnostics);
            return null;
        }
        catch (TemplateOutsideFolderException exception)
        {
            diagnostics.Add(RenderingDiagnostics.TemplateOutsideFolder.Create(
                ToSpan(exception.Span), exception.OriginalMessage, "templates may include only files of their own folder, by relative names such as 'booklet/cover.sbn-html'"));
            return null;
        }
        catch (ScriptRuntimeException exception) when (TemplateLimits.Describe(exception) is { } limit)
        {
            diagnostics.Add(RenderingDiagnostics.TemplateLimit.Create(ToSpan(exception.Span), limit.Message, limit.Hint));
            return null;
        }
        catch (ScriptRuntimeException exception)
        {
            diagnostics.Add(RenderingDiagnostics.TemplateRuntime.Create(
                ToSpan(exception.Span),
                exception.OriginalMessage,
                "check the names used near this position against the model in docs/templates.md; templates have no clock, random or eval functions"));
            return null;
        }
    }

    string ITemplateLoader.GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) =>
        PathOf(templateName) ?? throw new TemplateOutsideFolderException(callerSpan, $"'{Printable(templateName)}' is not a file of the templates folder");

    string ITemplateLoader.Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath)
    {
        try
        {
            return File.ReadAllText(templatePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ScriptRuntimeException(callerSpan, $"the included template '{Display(templatePath)}' cannot be read: it does not exist, or is not a readable file");
        }
    }

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));

    // A name as a message may show it: control characters (a NUL) spelled out.
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    // Only the first error of a template: the parser's later ones are mostly echoes of it.
    private void ReportParseMessages(IEnumerable<LogMessage> messages, DiagnosticBag diagnostics)
    {
        foreach (var message in messages.Where(m => m.Type == ParserMessageType.Error).Take(1))
        {
            diagnostics.Add(RenderingDiagnostics.TemplateSyntax.Create(
                ToSpan(message.Span),
                message.Message,
                "see the Scriban language reference; the templates' model is described in docs/templates.md"));
        }
    }

    // Scriban counts lines and columns from 0; diagnostics count from 1.
    private SourceSpan ToSpan(Scriban.Parsing.SourceSpan span) =>
        new(
            Display(span.FileName ?? _root),
            span.Start.Line + 1,
            span.Start.Column + 1,
            span.End.Line + 1,
            span.End.Column + 2);
}
