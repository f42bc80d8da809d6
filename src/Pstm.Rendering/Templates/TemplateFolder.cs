using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = Pstm.Diagnostics.SourceSpan;

namespace Pstm.Rendering.Templates;

/// <summary>
/// The templates: one folder, or several laid over each other (a theme's few files over the shipped
/// set), where a file of an upper layer replaces the one of the same path below it. Templates are
/// data: they may include only files of the layers, have no file or network functions, and loops and
/// recursion are bounded. Every template problem becomes a diagnostic at the template's file, line
/// and column.
/// </summary>
public sealed class TemplateFolder : ITemplateLoader
{
    // Top first: the first layer that has a file gives it.
    private readonly IReadOnlyList<Layer> _layers;
    private readonly string _displayRoot;

    private sealed record Layer(string Root, string RealRoot);

    private TemplateFolder(IEnumerable<string> roots, string displayRoot)
    {
        _layers = [.. roots.Select(r =>
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)) + Path.DirectorySeparatorChar;
            return new Layer(root, Path.TrimEndingDirectorySeparator(RealPath(root)) + Path.DirectorySeparatorChar);
        })];
        _displayRoot = displayRoot;
    }

    /// <summary>The top layer's folder: where a file the templates lack would be added.</summary>
    public string Root => _layers[0].Root;

    /// <summary>The layers' folders, top first.</summary>
    public IReadOnlyList<string> Layers => [.. _layers.Select(l => l.Root)];

    /// <summary>The folder of the layer that <paramref name="fullPath"/> is in (the top one, were layers nested); null for a path in none.</summary>
    public string? LayerOf(string fullPath) =>
        _layers.FirstOrDefault(l => fullPath.StartsWith(l.Root, StringComparison.Ordinal))?.Root;

    /// <summary>Every file the templates have (the top layer's where several have the same path), in ordinal order of path in the templates.</summary>
    public IEnumerable<string> Files() => List().Select(f => f.Path);

    /// <summary>Every file the templates have, by its path in the templates, with the layer it comes from (the top one that has it).</summary>
    public IReadOnlyList<TemplateFile> List()
    {
        var files = new SortedDictionary<string, TemplateFile>(StringComparer.Ordinal);
        foreach (var layer in _layers)
        {
            foreach (var file in Files(layer.Root))
            {
                var relative = Path.GetRelativePath(layer.Root, file).Replace('\\', '/');
                files.TryAdd(relative, new TemplateFile(relative, file, layer.Root));
            }
        }

        return [.. files.Values];
    }

    /// <summary>The files directly in the folder <paramref name="relative"/> of the templates, by name, in ordinal order: the top layer's where several have one.</summary>
    public IReadOnlyList<(string Name, string Path)> FilesIn(string relative)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in _layers)
        {
            if (PathIn(layer, relative) is { } folder && Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    files.TryAdd(Path.GetFileName(file), file);
                }
            }
        }

        return [.. files.Select(f => (f.Key, f.Value))];
    }

    /// <summary>One complete templates folder (it holds a layout).</summary>
    public static TemplateFolder? Open(string folder, string displayRoot, DiagnosticBag diagnostics) =>
        OpenLayers([folder], displayRoot, diagnostics);

    /// <summary>
    /// <paramref name="folders"/> laid over each other, top first; the last, the base, must be a complete
    /// templates folder, the others may hold any part of one.
    /// </summary>
    public static TemplateFolder? OpenLayers(IReadOnlyList<string> folders, string displayRoot, DiagnosticBag diagnostics)
    {
        var usable = true;
        for (var i = 0; i < folders.Count; i++)
        {
            var folder = folders[i];
            if (!Directory.Exists(folder))
            {
                diagnostics.Add(RenderingDiagnostics.TemplatesNotFound.Create(
                    SourceSpan.ForFile(string.IsNullOrWhiteSpace(folder) ? "--templates" : PlanLoader.DisplayPath(displayRoot, folder)),
                    $"the templates folder '{folder}' does not exist",
                    "pass --templates a folder with the template files to use instead of the shipped ones (a theme.css alone will do), or leave it out to use the shipped templates"));
                usable = false;
            }
            else if (TemplateFolderCheck.Problem(folder, PlanLoader.DisplayPath(displayRoot, folder), complete: i == folders.Count - 1) is { } problem)
            {
                diagnostics.Add(problem);
                usable = false;
            }
            else
            {
                usable &= HasOnlyRegularFiles(folder, displayRoot, diagnostics);
            }
        }

        return usable ? new TemplateFolder(folders, displayRoot) : null;
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
    /// The full path of a file (or folder) of the templates: the top layer's that has it, else where the
    /// top layer would have it. Null when the name leads outside the layer: through <c>..</c>, as an
    /// absolute path, or through a symbolic link anywhere on the way.
    /// </summary>
    public string? PathOf(string relative)
    {
        foreach (var layer in _layers)
        {
            var full = PathIn(layer, relative);
            if (full is null || File.Exists(full) || Directory.Exists(full))
            {
                return full;
            }
        }

        return PathIn(_layers[0], relative);
    }

    private static string? PathIn(Layer layer, string relative)
    {
        if (!IsPlainRelativeName(relative))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(layer.Root, relative));
        return full.StartsWith(layer.Root, StringComparison.Ordinal) && RealPath(full).StartsWith(layer.RealRoot, StringComparison.Ordinal) ? full : null;
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
    /// The files its templates name with <c>asset</c> and <c>stylesheet</c> go through
    /// <paramref name="assets"/>: inlined when none is given, as a document of one file needs.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> stops it.
    /// </summary>
    public string? Render(string name, ScriptObject model, DiagnosticBag diagnostics, TemplateAssets? assets = null, CancellationToken cancellation = default)
    {
        var path = PathOf(name);
        if (path is null || !File.Exists(path))
        {
            diagnostics.Add(RenderingDiagnostics.TemplateNotFound.Create(
                SourceSpan.ForFile(Display(Path.Combine(Root, name))),
                $"the template '{name}' does not exist in {string.Join(" or ", _layers.Select(l => Display(l.Root)))}",
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
        context.PushGlobal(TemplateAssetFunctions.Create(assets ?? TemplateAssets.Inlined(this), diagnostics, path, ToSpan));
        context.PushGlobal(model);
        var errors = diagnostics.ErrorCount;
        try
        {
            var output = template.Render(context);

            // A stylesheet an asset names may refer to a file that is none of the templates': reported at its address.
            return diagnostics.ErrorCount == errors ? output : null;
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
        catch (TemplateAssetException)
        {
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
            Display(span.FileName ?? Root),
            span.Start.Line + 1,
            span.Start.Column + 1,
            span.End.Line + 1,
            span.End.Column + 2);
}

/// <summary>A file of the templates: its path in them, where it is, and the folder of the layer it comes from.</summary>
public sealed record TemplateFile(string Relative, string Path, string Layer);
