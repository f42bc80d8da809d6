using System.Collections.Concurrent;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Images;

/// <summary>
/// The images a plan's texts show, by the address written in the text (<c>![alt](images/logo.png)</c>),
/// resolved against the plan folder. Each address is read and checked once: it must name a regular
/// file inside the plan folder (PSTM0016, PSTM0017), no larger than <see cref="PlanLimits.MaxImageBytes"/>
/// (PSTM0019), whose bytes are a PNG, JPEG, WebP or SVG (PSTM0018), an SVG without scripts or
/// references outside it (PSTM0414).
/// </summary>
public sealed class PlanImages
{
    private readonly string? _planDirectory;
    private readonly ConcurrentDictionary<string, Lazy<Resolution>> _resolved = new(StringComparer.Ordinal);

    /// <summary>No images: a plan made in memory, or one whose texts show none.</summary>
    public static PlanImages None { get; } = new(null);

    public PlanImages(string? planDirectory) => _planDirectory = planDirectory;

    /// <summary>The images resolved without a problem, by the address written in the texts.</summary>
    public IReadOnlyDictionary<string, PlanImage> All =>
        _resolved.Where(r => r.Value.Value.Image is not null).ToDictionary(r => r.Key, r => r.Value.Value.Image!, StringComparer.Ordinal);

    /// <summary>The image at <paramref name="address"/> when it was resolved without a problem.</summary>
    public PlanImage? Find(string? address) =>
        address is not null && _resolved.TryGetValue(address, out var resolution) ? resolution.Value.Image : null;

    /// <summary>
    /// Resolves <paramref name="address"/>, reporting at <paramref name="span"/> why it cannot be shown;
    /// an address already resolved reports again, at its new place.
    /// </summary>
    public PlanImage? Resolve(string address, SourceSpan span, DiagnosticBag diagnostics)
    {
        var resolution = _resolved.GetOrAdd(address, a => new Lazy<Resolution>(() => Read(a))).Value;
        if (resolution.Problem is { } problem)
        {
            diagnostics.Add(problem.Descriptor.Create(span, problem.Message, problem.Hint));
        }

        return resolution.Image;
    }

    private sealed record Problem(DiagnosticDescriptor Descriptor, string Message, string Hint);

    private sealed record Resolution(PlanImage? Image, Problem? Problem);

    private Resolution Read(string address)
    {
        static Resolution Fail(DiagnosticDescriptor descriptor, string message, string hint) => new(null, new Problem(descriptor, message, hint));
        const string insideHint = "put the image in the plan folder (for example images/) and write its path relative to the folder that holds plan.yaml";

        if (_planDirectory is null)
        {
            return Fail(PlanDiagnostics.ImageNotFound, $"image '{address}' cannot be found: this plan has no folder", insideHint);
        }

        if (!IsRelativePath(address, out var relative))
        {
            return Fail(PlanDiagnostics.ImageOutsidePlan, $"image '{address}' is not a file of the plan: pstm shows only images stored in the plan folder, never from the web or elsewhere on the disk", insideHint);
        }

        var path = Path.GetFullPath(Path.Combine(_planDirectory, relative));
        if (!PlanBoundary.Contains(_planDirectory, path))
        {
            return Fail(PlanDiagnostics.ImageOutsidePlan, $"image '{address}' leads outside the plan folder", insideHint);
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return Fail(PlanDiagnostics.ImageNotFound, $"image '{address}' does not exist in the plan folder", "check the file's name and folder (paths are relative to the folder that holds plan.yaml, and letter case counts)");
        }

        return ReadFile(path, address);
    }


    /// <summary>
    /// Reads and checks the image file at <paramref name="path"/> as a plan's images are checked (a regular
    /// file, within the size limit, a PNG, JPEG, WebP or SVG by its bytes, an SVG that runs and loads
    /// nothing), reporting at <paramref name="span"/>, with <paramref name="name"/> in the messages, why it cannot be shown.
    /// </summary>
    public static PlanImage? ReadFile(string path, string name, SourceSpan span, DiagnosticBag diagnostics)
    {
        var resolution = ReadFile(path, name);
        if (resolution.Problem is { } problem)
        {
            diagnostics.Add(problem.Descriptor.Create(span, problem.Message, problem.Hint));
        }

        return resolution.Image;
    }

    private static Resolution ReadFile(string path, string address)
    {
        static Resolution Fail(DiagnosticDescriptor descriptor, string message, string hint) => new(null, new Problem(descriptor, message, hint));

        if (!RegularFile.Is(path))
        {
            return Fail(PlanDiagnostics.NotAnImage, $"image '{address}' is not a regular file (a folder, a device or a named pipe)", "name an image file: a PNG, JPEG, WebP or SVG");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > PlanLimits.MaxImageBytes)
            {
                return Fail(PlanDiagnostics.ImageTooLarge, $"image '{address}' has {length:N0} bytes, more than the limit of {PlanLimits.MaxImageBytes:N0} ({PlanLimits.MaxImageBytes / (1024 * 1024)} MB)", "reduce the image: a picture printed 16 cm wide needs no more than about 2000 pixels across");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(PlanDiagnostics.FileUnreadable, $"image '{address}' cannot be read: {exception.Message}", "check the file's permissions");
        }

        if (bytes.Length > PlanLimits.MaxImageBytes)
        {
            return Fail(PlanDiagnostics.ImageTooLarge, $"image '{address}' is larger than the limit of {PlanLimits.MaxImageBytes:N0} bytes", "reduce the image");
        }

        if (ImageFormat.Of(bytes) is not { } format)
        {
            return Fail(PlanDiagnostics.NotAnImage, $"image '{address}' is not a PNG, JPEG, WebP or SVG image: its bytes are none of them, whatever its name", "export the picture as PNG, JPEG, WebP or SVG");
        }

        if (format == ImageFormat.Svg && SvgDocument.Problem(bytes) is { } unsafeSvg)
        {
            return Fail(PlanDiagnostics.UnsafeSvg, $"SVG image '{address}' holds {unsafeSvg}: pstm shows only SVG drawings that run nothing and load nothing", "export the drawing again as plain SVG (or as PNG), without scripts, links, embedded HTML or external images and fonts");
        }

        return new Resolution(new PlanImage(path, format, bytes), null);
    }

    /// <summary>
    /// True for a relative path that stays below the plan folder as written: no scheme (https:, data:,
    /// file:), no absolute path or drive, no query or fragment. Escapes (%20) are decoded; '..' is
    /// followed, and where it leads is checked against the plan folder.
    /// </summary>
    private static bool IsRelativePath(string address, out string relative)
    {
        relative = "";
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(address);
        }
        catch (UriFormatException)
        {
            return false;
        }

        if (decoded.Length == 0 || decoded.Contains(':', StringComparison.Ordinal) || decoded.IndexOfAny(['?', '#', '\0']) >= 0 || decoded.StartsWith('/') || decoded.StartsWith('\\'))
        {
            return false;
        }

        var steps = decoded.Split('/', '\\');
        relative = Path.Combine([.. steps.Where(step => step.Length > 0 && step != ".")]);
        return relative.Length > 0;
    }
}
