using System.Text.RegularExpressions;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>
/// Reads <c>publication:</c> of plan.yaml: its date, the approving act, the credits, the contacts, the
/// licence and the address of the published booklet. Dates are YYYY-MM-DD, addresses http or https,
/// e-mail addresses and phone numbers of their usual shape; a misspelt key gets "did you mean".
/// </summary>
internal static partial class PublicationReader
{
    public const string Key = "publication";

    public static Publication? Read(MappingReader fields)
    {
        if (fields.Mapping(Key) is not { } publication)
        {
            return null;
        }

        publication.Subject = "the plan's publication";
        var result = new Publication
        {
            Date = publication.Date("date", required: false),
            Approval = ReadApproval(publication),
            Credits = ReadCredits(publication),
            Contacts = ReadContacts(publication),
            Licence = ReadLicence(publication),
            Url = Url(publication, "url"),
            Stated = publication.Entries
                .Where(e => e.Value is not (YamlScalar { IsNull: true } or YamlMapping { Entries.Count: 0 } or YamlSequence { Items.Count: 0 }))
                .Select(e => e.Key.Value)
                .ToHashSet(StringComparer.Ordinal),
            Span = publication.Span,
        };
        publication.Finish();
        return result;
    }

    private static Approval? ReadApproval(MappingReader publication)
    {
        if (publication.Mapping("approval") is not { } approval)
        {
            return null;
        }

        approval.Subject = "the plan's approval";
        var result = new Approval(approval.RequiredText("body"), approval.RequiredText("act"), approval.Date("date", required: true), approval.Span);
        approval.Finish();
        return result;
    }

    private static List<Credit> ReadCredits(MappingReader publication)
    {
        if (publication.Sequence("credits") is not { } sequence)
        {
            return [];
        }

        var credits = new List<Credit>();
        foreach (var (item, index) in sequence.Items.Select((item, index) => (item, index)))
        {
            if (MappingReader.Open(item, $"credit {index + 1} of the plan's publication", publication.Diagnostics) is not { } credit)
            {
                continue;
            }

            credits.Add(new Credit(credit.RequiredText("role"), credit.RequiredText("name"), credit.Span));
            credit.Finish();
        }

        return credits;
    }

    /// <summary>The <c>contacts:</c> of <paramref name="parent"/> (the publication's, or the theme's), checked as addresses are.</summary>
    public static Contacts? ReadContacts(MappingReader parent, string subject = "the plan's contacts")
    {
        if (parent.Mapping("contacts") is not { } contacts)
        {
            return null;
        }

        contacts.Subject = subject;
        var result = new Contacts(contacts.OptionalText("address"), Email(contacts, "email"), Phone(contacts, "phone"), Url(contacts, "website"), contacts.Span);
        contacts.Finish();
        return result;
    }

    private static Licence? ReadLicence(MappingReader publication)
    {
        if (publication.Mapping("licence") is not { } licence)
        {
            return null;
        }

        licence.Subject = "the plan's licence";
        var result = new Licence(licence.RequiredText("name"), Url(licence, "url"), licence.Span);
        licence.Finish();
        return result;
    }

    /// <summary>An address readers can open: absolute, http or https, with a host; other schemes are refused, as in the plan's links.</summary>
    private static Located<string>? Url(MappingReader fields, string key) =>
        Checked(fields, key, IsWebAddress, "an http or https address such as https://www.example.org/plan.pdf",
            "write the whole address, starting with https:// (or http://); pstm links to no other kind of address");

    private static Located<string>? Email(MappingReader fields, string key) =>
        Checked(fields, key, text => EmailPattern().IsMatch(text), "an e-mail address such as piano@example.org",
            "write one address, name@domain, without 'mailto:' or a display name");

    private static Located<string>? Phone(MappingReader fields, string key) =>
        Checked(fields, key, text => PhonePattern().IsMatch(text) && text.Count(char.IsAsciiDigit) >= 5, "a phone number such as +39 02 1234 5678",
            "write the number with digits, spaces, '+', '-', '.', '/' and parentheses only");

    private static Located<string>? Checked(MappingReader fields, string key, Func<string, bool> isValid, string expected, string hint)
    {
        if (fields.OptionalText(key) is not { } text)
        {
            return null;
        }

        var span = fields.Node(key)?.Span ?? fields.Span;
        if (!isValid(text))
        {
            fields.Diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                span, $"'{key}' of {fields.Subject} must be {expected}, found '{Shorten(text)}'", hint));
            return null;
        }

        return new Located<string>(text, span);
    }

    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !text.Any(char.IsWhiteSpace);

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "…";

    [GeneratedRegex(@"^[^@\s<>""(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-/]*[0-9]\z")]
    private static partial Regex PhonePattern();
}
