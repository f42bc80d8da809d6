using System.Globalization;
using Pstm.Plan.Images;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Booklet;

/// <summary>The templates' view of the plan's publication and of the templates' identity.</summary>
internal static class PublicationViewBuilder
{
    public static PublicationView Build(StrategicPlan plan, TemplateStrings strings)
    {
        // The publication's contacts, else the entity's, from the plan's theme.
        var contacts = Contacts(plan.Publication?.Contacts is { IsEmpty: false } own ? own : plan.Theme?.Contacts);
        if (plan.Publication is not { } publication)
        {
            return new PublicationView { Contacts = contacts };
        }

        var text = new LanguageOfParts(plan);
        string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? Escaped(string? value) => value is null ? null : HtmlText.Escape(value);
        return new PublicationView
        {
            DateIso = publication.Date is { } date ? Iso(date.Value) : null,
            DateText = publication.Date is { } shown ? HtmlText.Escape(strings.Date(shown.Value)) : null,
            Approval = publication.Approval is { } approval ? Approval(approval, strings, text) : null,
            Credits = publication.Credits.Select((credit, i) => new CreditView(text.Inline(TextKeys.CreditRole(i + 1), credit.Role), HtmlText.Escape(credit.Name))).ToList(),
            Contacts = contacts,
            Licence = publication.Licence is { } licence ? new LicenceView(HtmlText.Escape(licence.Name), Escaped(licence.Url?.Value)) : null,
            Url = Escaped(publication.Url?.Value),
        };
    }

    private static ContactsView? Contacts(Contacts? contacts)
    {
        static string? Escaped(string? value) => value is null ? null : HtmlText.Escape(value);
        return contacts is { IsEmpty: false } c
            ? new ContactsView(
                Escaped(c.Address),
                Escaped(c.Email?.Value),
                c.Email is { } email ? HtmlText.Escape("mailto:" + email.Value) : null,
                Escaped(c.Phone?.Value),
                c.Phone is { } phone ? HtmlText.Escape("tel:" + new string(phone.Value.Where(ch => ch == '+' || char.IsAsciiDigit(ch)).ToArray())) : null,
                Escaped(c.Website?.Value))
            : null;
    }

    private static ApprovalView Approval(Approval approval, TemplateStrings strings, LanguageOfParts text)
    {
        var body = text.Inline(TextKeys.ApprovalBody, approval.Body);
        var act = text.Inline(TextKeys.ApprovalAct, approval.Act);
        var iso = approval.Date?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shown = approval.Date is { } date ? HtmlText.Escape(strings.Date(date.Value)) : null;

        // The words of the line are the strings', escaped; the body and the act are HTML already.
        var line = shown is null
            ? $"{body}, {act}"
            : HtmlText.Escape(strings["approval_text"])
                .Replace("{body}", body, StringComparison.Ordinal)
                .Replace("{act}", act, StringComparison.Ordinal)
                .Replace("{date}", $"<time datetime=\"{iso}\">{shown}</time>", StringComparison.Ordinal);
        return new ApprovalView(body, act, iso, shown) { Text = line };
    }

    public static IdentityView Identity(StrategicPlan plan, TemplateIdentity identity)
    {
        static string? Src(PlanImage? image) => image is null ? null : "assets/" + image.AssetName;
        var (theme, assets) = (plan.Theme, plan.ThemeAssets);
        var logo = assets.LogoOnDark ?? assets.Logo ?? identity.Logo;
        var pageLogo = assets.LogoOnDark is not null ? assets.Logo : null;
        var cover = assets.CoverImage ?? identity.Cover;
        var logoAlt = (assets.LogoOnDark is not null ? theme?.LogoOnDark?.Alt ?? theme?.Logo?.Alt : theme?.Logo?.Alt) ?? plan.Entity;
        var coverAlt = assets.CoverImage is not null && theme?.CoverImage is { Decorative: false, Alt: { } alt } ? alt : "";
        return new IdentityView(Src(logo), logo?.DataUrl, Src(cover), cover?.DataUrl, HtmlText.Escape(logoAlt))
        {
            PageLogoSrc = Src(pageLogo),
            PageLogoDataUrl = pageLogo?.DataUrl,
            CoverAlt = HtmlText.Escape(coverAlt),
        };
    }
}
