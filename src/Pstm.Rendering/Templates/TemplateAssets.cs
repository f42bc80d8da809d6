using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Rendering.Templates;

/// <summary>
/// The files of the templates one document uses: its stylesheets and every font, image or stylesheet
/// they refer to (<c>url(…)</c>, <c>@import</c>, followed from file to file), and what its templates
/// name with <c>asset</c>, each found through the layers. A booklet has them copied beside it, each
/// at <c>assets/</c> and its path in the templates, so that a stylesheet's relative address finds from
/// its copy what it found in the templates; a deck, one file, has them inlined: imports in place, every
/// address a data: URL. An address of a file no layer has, or of one outside the templates, is an
/// error at the address (PSTM0520, PSTM0521).
/// </summary>
public sealed class TemplateAssets
{
    /// <summary>The folder beside the booklet's HTML that holds the files it uses.</summary>
    public const string Folder = "assets/";

    private readonly TemplateFolder _templates;
    private readonly bool _copied;
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dataUrls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _encoding = new(StringComparer.Ordinal);

    private TemplateAssets(TemplateFolder templates, bool copied)
    {
        _templates = templates;
        _copied = copied;
    }

    /// <summary>For a document with its files beside it (the booklet): addresses are <c>assets/PATH</c>, and <see cref="Files"/> lists what to copy.</summary>
    public static TemplateAssets Copied(TemplateFolder templates) => new(templates, copied: true);

    /// <summary>For a document that is one file (the deck, the changes page): addresses are data: URLs.</summary>
    public static TemplateAssets Inlined(TemplateFolder templates) => new(templates, copied: false);

    /// <summary>The files to copy beside the document, each by its path there (<c>assets/fonts/fonts.css</c>) to the file it copies.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>
    /// Adds the file <paramref name="relative"/> of the templates to <see cref="Files"/>, a stylesheet with
    /// every file it refers to; nothing when no layer has it (a file a document may do without).
    /// </summary>
    public void AddIfPresent(string relative, DiagnosticBag diagnostics)
    {
        if (_templates.PathOf(relative) is { } path && File.Exists(path))
        {
            Use(new Target(relative, path, ""), diagnostics);
        }
    }

    /// <summary>
    /// The address by which a template names the file <paramref name="relative"/> (a path from the
    /// templates' root): <c>assets/PATH</c>, the file then copied, or a data: URL. Null, with the reason
    /// located at <paramref name="span"/> in <paramref name="problem"/>, when the path is no file of the
    /// templates; <paramref name="template"/> is the full path of the template that names it.
    /// </summary>
    internal string? AddressOf(string relative, string template, SourceSpan span, DiagnosticBag diagnostics, out Diagnostic? problem) =>
        Find(TemplateAddress.Resolve("", relative), relative, "asset", template, span, out problem) is { } target ? Use(target, diagnostics) : null;

    /// <summary>
    /// The text of the stylesheet <paramref name="relative"/> for a <c>style</c> element of the document:
    /// what it imports first, in place of its <c>@import</c> rules, and each address of a file as
    /// <see cref="AddressOf"/> gives it. Empty when no layer has it.
    /// </summary>
    public string Inline(string relative, DiagnosticBag diagnostics) =>
        _templates.PathOf(relative) is { } path && File.Exists(path) ? Inline(new Target(relative, path, ""), [], diagnostics) : "";

    /// <summary>As <see cref="Inline(string, DiagnosticBag)"/>, for a template: null, with the reason located at <paramref name="span"/>, when no layer has the file.</summary>
    internal string? InlineOf(string relative, string template, SourceSpan span, DiagnosticBag diagnostics, out Diagnostic? problem) =>
        Find(TemplateAddress.Resolve("", relative), relative, "stylesheet", template, span, out problem) is { } target ? Inline(target, [], diagnostics) : null;

    /// <summary>A file found: its path in the templates, its full path, and the fragment its address carried.</summary>
    private sealed record Target(string Relative, string Path, string Fragment);

    private string Use(Target target, DiagnosticBag diagnostics)
    {
        if (!_copied)
        {
            return DataUrl(target, diagnostics) + target.Fragment;
        }

        _files[Folder + target.Relative] = target.Path;
        if (AssetMediaTypes.IsStylesheet(target.Relative))
        {
            Follow(target, diagnostics);
        }

        return Folder + string.Join('/', target.Relative.Split('/').Select(Uri.EscapeDataString)) + target.Fragment;
    }

    // A stylesheet copied as it is: what it refers to is copied too, once, whatever cycle its imports make.
    private void Follow(Target stylesheet, DiagnosticBag diagnostics)
    {
        if (!_followed.Add(stylesheet.Relative))
        {
            return;
        }

        foreach (var target in References(stylesheet, diagnostics).Select(r => r.Target).OfType<Target>())
        {
            Use(target, diagnostics);
        }
    }

    private string Inline(Target stylesheet, HashSet<string> importing, DiagnosticBag diagnostics)
    {
        importing.Add(stylesheet.Relative);
        var css = File.ReadAllText(stylesheet.Path);
        var imported = new StringBuilder();
        var rest = new StringBuilder();
        var copiedUpTo = 0;
        foreach (var (reference, target) in References(stylesheet, diagnostics, css))
        {
            rest.Append(css, copiedUpTo, reference.Start - copiedUpTo);
            copiedUpTo = reference.End;
            if (target is null)
            {
                rest.Append(css, reference.Start, reference.End - reference.Start);
            }
            else if (reference.Kind == CssReferenceKind.Url)
            {
                rest.Append("url(").Append(Use(target, diagnostics)).Append(')');
            }
            else if (!importing.Contains(target.Relative))
            {
                // Imported rules come before the importing sheet's, as @import must stand first: the
                // rule goes, what it imports goes first. An import of a sheet being imported (a cycle) is dropped.
                imported.Append(CssConditions.Wrap(Inline(target, importing, diagnostics), reference.Conditions)).Append('\n');
            }
        }

        rest.Append(css, copiedUpTo, css.Length - copiedUpTo);
        importing.Remove(stylesheet.Relative);
        return imported.Append(rest).ToString();
    }

    private string DataUrl(Target target, DiagnosticBag diagnostics)
    {
        if (_dataUrls.TryGetValue(target.Relative, out var url))
        {
            return url;
        }

        var stylesheet = AssetMediaTypes.IsStylesheet(target.Relative);
        if (stylesheet && !_encoding.Add(target.Relative))
        {
            // A stylesheet whose url() leads back to itself: the inner one is empty, or encoding it would never end.
            return "data:text/css;base64,";
        }

        var bytes = stylesheet ? Encoding.UTF8.GetBytes(Inline(target, [], diagnostics)) : File.ReadAllBytes(target.Path);
        _encoding.Remove(target.Relative);
        url = $"data:{AssetMediaTypes.Of(target.Relative)};base64,{Convert.ToBase64String(bytes)}";
        _dataUrls[target.Relative] = url;
        return url;
    }

    // The references of a stylesheet, each with the file it names; null for one left as written (a
    // data: URL, a fragment) and for one that names no file of the templates, reported at its address.
    private IEnumerable<(CssReference Reference, Target? Target)> References(Target stylesheet, DiagnosticBag diagnostics, string? css = null)
    {
        var folder = TemplateAddress.FolderOf(stylesheet.Relative);
        var display = _templates.Display(stylesheet.Path);
        foreach (var reference in CssReferences.In(css ?? File.ReadAllText(stylesheet.Path)))
        {
            var address = TemplateAddress.Resolve(folder, reference.Address);
            if (address.IsLeftAlone)
            {
                yield return (reference, null);
                continue;
            }

            var span = SourceSpan.At(display, reference.Line, reference.Column, reference.Address.Length);
            var what = reference.Kind == CssReferenceKind.Url ? "url" : "@import";
            var target = Find(address, reference.Address, what, stylesheet.Path, span, out var problem);
            if (problem is not null)
            {
                diagnostics.Add(problem);
            }

            yield return (reference, target);
        }
    }

    /// <summary>The file <paramref name="address"/> names, or null with the diagnostic that says why it names none.</summary>
    private Target? Find(TemplateAddress address, string written, string what, string referrer, SourceSpan span, out Diagnostic? problem)
    {
        problem = null;
        var referrerLayer = _templates.LayerOf(referrer) is { } layer ? _templates.Display(layer) : _templates.Display(referrer);
        var source = $"the {what} '{Printable(written)}' in {_templates.Display(referrer)} (of the layer {referrerLayer})";
        if (address.IsLeftAlone || address.IsFolder)
        {
            // Only a template's asset or stylesheet gets here: a stylesheet's data: URLs and fragments stay as written.
            problem = RenderingDiagnostics.TemplateAssetNotFound.Create(
                span,
                $"{source} names no file of the templates{(address.IsFolder ? ", but a folder" : "")}",
                $"{what} takes the path of a file from the templates' root, such as 'images/band.svg'");
            return null;
        }

        var fullPath = address.Path is null ? null : _templates.PathOf(address.Path);
        if (address.Path is null || fullPath is null)
        {
            problem = RenderingDiagnostics.TemplateAssetOutside.Create(
                span,
                $"{source} leads outside the templates: {address.Outside ?? "it leads out of their folders, through a symbolic link or by a name no folder can hold"}",
                "copy the file into a layer and name it by its path there, relative to the stylesheet that refers to it (url(images/band.svg)) or, "
                + "in a template, from the templates' root (asset 'images/band.svg'): a booklet and a deck load nothing from outside the templates");
            return null;
        }

        if (!File.Exists(fullPath))
        {
            var layers = string.Join(", ", _templates.Layers.Select(_templates.Display));
            problem = RenderingDiagnostics.TemplateAssetNotFound.Create(
                span,
                $"{source} names the file '{Printable(address.Path)}', which no layer of the templates has ({layers})",
                $"put the file at {Printable(address.Path)} in the layer {referrerLayer}, or correct the address: "
                + (what is "url" or "@import" ? "it is relative to the stylesheet that holds it" : $"{what} takes a path from the templates' root"));
            return null;
        }

        return new Target(address.Path, fullPath, address.Fragment);
    }

    // An address as a message may show it: control characters spelled out.
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
