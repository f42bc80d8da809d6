namespace Pstm.Plan.Translation;

/// <summary>
/// The keys of a plan's texts, declared once: the translation files, the translator, the renderers
/// and the locations of items all spell them through here. An item's key (<c>missions.M1</c>) names
/// the item; its fields add their name (<c>missions.M1.title</c>). Ids are the plan's own, so a key
/// stays stable while the text changes.
/// </summary>
public static class TextKeys
{
    /// <summary>The plan's own texts: <c>plan.title</c> and the like.</summary>
    public static ItemKey Plan { get; } = new("plan");

    public static ItemKey Chapter(string id) => new($"chapters.{id}");

    public static ItemKey Phase(string id) => new($"process.{id}");

    public static ItemKey Milestone(string id) => new($"milestones.{id}");

    public static ItemKey Pillar(string id) => new($"vision.{id}");

    public static ItemKey Mission(string id) => new($"missions.{id}");

    public static ItemKey Objective(string id) => new($"objectives.{id}");

    public static ItemKey Action(string id) => new($"actions.{id}");

    public static ItemKey Driver(string id) => new($"drivers.{id}");

    /// <summary>The <paramref name="number"/>th keyword of the plan (from 1): <c>plan.keywords.1</c>.</summary>
    public static string Keyword(int number) => $"plan.keywords.{number}";

    /// <summary>The body that approved the plan, such as <c>Consiglio metropolitano</c>.</summary>
    public const string ApprovalBody = "publication.approval.body";

    /// <summary>The approving act, such as <c>Deliberazione n. 27</c>.</summary>
    public const string ApprovalAct = "publication.approval.act";

    /// <summary>The alternative text of a picture of the theme (<c>logo</c>, <c>logo_on_dark</c>, <c>cover_image</c>): <c>theme.logo.alt</c>.</summary>
    public static string ThemeAlt(string picture) => $"theme.{picture}.alt";

    /// <summary>The role of the <paramref name="number"/>th credit (from 1): <c>publication.credits.1.role</c>.</summary>
    public static string CreditRole(int number) => $"publication.credits.{number}.role";

    /// <summary>A label of the plan's vocabulary, or one plural form of it (<c>labels.driver_count.one</c>).</summary>
    public static string Label(string name) => $"labels.{name}";
}

/// <summary>The key of one item (or of the plan), and of each of its fields.</summary>
public readonly record struct ItemKey(string Key)
{
    public string Title => Field("title");

    public string Subtitle => Field("subtitle");

    public string ShortTitle => Field("short_title");

    public string Entity => Field("entity");

    public string Series => Field("series");

    public string Name => Field("name");

    public string CoverName => Field("cover_name");

    public string Code => Field("code");

    public string Text => Field("text");

    public string Body => Field("body");

    public string Notes => Field("notes");

    public string Definition => Field("definition");

    public string Description => Field("description");

    public static implicit operator string(ItemKey key) => key.Key;

    public override string ToString() => Key;

    private string Field(string name) => $"{Key}.{name}";
}
