using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>
/// What <c>publication:</c> in plan.yaml says of the published booklet: when it was published, the act
/// that approved the plan, who made it, whom to contact, its licence and where it is published. Every
/// value keeps where it is written; a part the plan does not state is null (or empty), and validation
/// warns about it, so that the colophon never shows something in its place.
/// </summary>
public sealed record Publication
{
    /// <summary>The day the booklet was published (not the day it was built).</summary>
    public Located<DateOnly>? Date { get; init; }

    public Approval? Approval { get; init; }

    public IReadOnlyList<Credit> Credits { get; init; } = [];

    public Contacts? Contacts { get; init; }

    public Licence? Licence { get; init; }

    /// <summary>The address (http or https) where the booklet is published.</summary>
    public Located<string>? Url { get; init; }

    /// <summary>
    /// The keys of <c>publication:</c> written with a value (an empty mapping or list is no value): a part
    /// written wrong is reported as such, not again as missing.
    /// </summary>
    public IReadOnlySet<string> Stated { get; init; } = new HashSet<string>();

    public required SourceSpan Span { get; init; }
}

/// <summary>The act that approved the plan: the body that passed it, the act's name and number, and its date.</summary>
public sealed record Approval(string Body, string Act, Located<DateOnly>? Date, SourceSpan Span);

/// <summary>Who did what in making the booklet, such as <c>{ role: Progetto grafico, name: Studio Rossi }</c>.</summary>
public sealed record Credit(string Role, string Name, SourceSpan Span);

/// <summary>How readers reach the entity: any of a postal address, an e-mail address, a phone number and a website.</summary>
public sealed record Contacts(string? Address, Located<string>? Email, Located<string>? Phone, Located<string>? Website, SourceSpan Span)
{
    public bool IsEmpty => Address is null && Email is null && Phone is null && Website is null;
}

/// <summary>The licence the booklet is published under, such as CC BY 4.0, and the address of its text.</summary>
public sealed record Licence(string Name, Located<string>? Url, SourceSpan Span);
