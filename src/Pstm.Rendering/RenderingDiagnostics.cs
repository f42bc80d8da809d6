using Pstm.Diagnostics;

namespace Pstm.Rendering;

/// <summary>Diagnostics of templates and their strings: codes 05xx, the deck's pagination (PSTM0620-0624), and PSTM0023 for the folder's size. Stable, never reused.</summary>
public static class RenderingDiagnostics
{
    public static readonly DiagnosticDescriptor TemplatesNotFound = new("PSTM0501", Severity.Error, "Templates folder not found");
    public static readonly DiagnosticDescriptor TemplateNotFound = new("PSTM0502", Severity.Error, "Template not found");
    public static readonly DiagnosticDescriptor TemplateSyntax = new("PSTM0503", Severity.Error, "Template syntax error");
    public static readonly DiagnosticDescriptor TemplateRuntime = new("PSTM0504", Severity.Error, "Template runtime error");
    public static readonly DiagnosticDescriptor TemplateOutsideFolder = new("PSTM0505", Severity.Error, "Template reaches outside its folder");
    public static readonly DiagnosticDescriptor StringsNotFound = new("PSTM0506", Severity.Warning, "No strings for the edition's language");
    public static readonly DiagnosticDescriptor StringMissing = new("PSTM0507", Severity.Error, "String missing for a language");
    public static readonly DiagnosticDescriptor StringsInvalid = new("PSTM0508", Severity.Error, "Strings file is not a mapping of texts");
    public static readonly DiagnosticDescriptor TemplateLimit = new("PSTM0509", Severity.Error, "Template exceeds a limit");
    public static readonly DiagnosticDescriptor TemplatesTooLarge = new("PSTM0023", Severity.Error, "Templates folder larger than the limit");
    public static readonly DiagnosticDescriptor TemplateNotRegularFile = new("PSTM0510", Severity.Error, "Templates folder holds something that is not a regular file");
    public static readonly DiagnosticDescriptor NoLogo = new("PSTM0511", Severity.Info, "No logo in the templates: the cover names the entity in text");
    public static readonly DiagnosticDescriptor TemplateFileNotFound = new("PSTM0512", Severity.Error, "No template file or folder of that path");
    public static readonly DiagnosticDescriptor TemplateAssetNotFound = new("PSTM0520", Severity.Error, "A file the templates refer to is in no layer");
    public static readonly DiagnosticDescriptor TemplateAssetOutside = new("PSTM0521", Severity.Error, "A template refers to a file outside the templates");
    public static readonly DiagnosticDescriptor SlideItemTooTall = new("PSTM0620", Severity.Warning, "An item does not fit on a slide");
    public static readonly DiagnosticDescriptor SlideTextTooSmall = new("PSTM0621", Severity.Warning, "Slide text smaller than the deck's minimum size");

    /// <summary>All descriptors, for documentation and for checking that codes are unique.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = DiagnosticDescriptor.DeclaredIn(typeof(RenderingDiagnostics));
}
