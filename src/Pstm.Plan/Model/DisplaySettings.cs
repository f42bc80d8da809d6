namespace Pstm.Plan.Model;

/// <summary>
/// What <c>display:</c> in plan.yaml asks of the editions. Ids are internal: readers see an item's
/// <c>code</c>, or one the labels generate, unless <see cref="Ids"/> asks to show the ids instead.
/// </summary>
public sealed record DisplaySettings
{
    /// <summary>Items without a code show their id where a short code goes (chips, matrix headers).</summary>
    public bool Ids { get; init; }

    /// <summary>A driver's card in the booklet lists the objectives it cites.</summary>
    public bool DriverObjectives { get; init; }

    /// <summary>How the numbers of missions, drivers and phases are written in their labels (Missione I, Driver A).</summary>
    public NumberingStyle MissionNumbering { get; init; }

    public NumberingStyle DriverNumbering { get; init; }

    public NumberingStyle PhaseNumbering { get; init; }
}
