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

    private TemplateFolder(string root, string displayRoot)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        _displayRoot = displayRoot;
    }

    public string Root => _root;

    public static TemplateFolder? Open(string folder, string displayRoot, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(folder))
        {
            return new TemplateFolder(folder, displayRoot);
        }

        diagnostics.Add(RenderingDiagnostics.TemplatesNotFound.Create(
            SourceSpan.ForFile(PlanLoader.DisplayPath(displayRoot, folder)),
            $"the templates folder '{folder}' does not exist",
            "pass --templates with a folder that holds booklet/layout.sbn-html, or leave it out to use the shipped templates"));
        return null;
    }

    /// <summary>The full path of a file of the folder, or null when the name leads outside it.</summary>
    public string? PathOf(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return full.StartsWith(_root, StringComparison.Ordinal) ? full : null;
    }

    public string Display(string fullPath) => PlanLoader.DisplayPath(_displayRoot, fullPath);

    /// <summary>Renders <paramref name="name"/> with <paramref name="model"/>; null after reporting why it failed.</summary>
    public string? Render(string name, ScriptObject model, DiagnosticBag diagnostics)
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

        var context = new TemplateContext
        {
            TemplateLoader = this,
            StrictVariables = true,
            LoopLimit = 100_000,
            RecursiveLimit = 64,
            LimitToString = 1_000_000,
            NewLine = "\n",
        };
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptParserRuntimeException exception)
        {
            ReportParseMessages(exception.ParserMessages, diagnostics);
            return null;
        }
        catch (ScriptRuntimeException exception)
        {
            var outside = exception.OriginalMessage.Contains("outside the templates folder", StringComparison.Ordinal);
            diagnostics.Add((outside ? RenderingDiagnostics.TemplateOutsideFolder : RenderingDiagnostics.TemplateRuntime).Create(
                ToSpan(exception.Span),
                exception.OriginalMessage,
                outside ? "templates may include only files of their own folder" : "check the names used near this position against the model in the README"));
            return null;
        }
    }

    string ITemplateLoader.GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) =>
        PathOf(templateName) ?? throw new ScriptRuntimeException(callerSpan, $"'{templateName}' is outside the templates folder");

    string ITemplateLoader.Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
        File.Exists(templatePath)
            ? File.ReadAllText(templatePath)
            : throw new ScriptRuntimeException(callerSpan, $"the included template '{Display(templatePath)}' does not exist");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));

    // Only the first error of a template: the parser's later ones are mostly echoes of it.
    private void ReportParseMessages(IEnumerable<LogMessage> messages, DiagnosticBag diagnostics)
    {
        foreach (var message in messages.Where(m => m.Type == ParserMessageType.Error).Take(1))
        {
            diagnostics.Add(RenderingDiagnostics.TemplateSyntax.Create(
                ToSpan(message.Span),
                message.Message,
                "see the Scriban language reference; the templates' model is described in the README"));
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
