namespace Pstm.Plan.Model;

/// <summary>
/// Which colour each mission is drawn in: its own <c>color</c>, or the next of the theme's palette
/// (<c>--mission-1</c> … <c>--mission-12</c> in theme.css), cycling only past the palette's end.
/// </summary>
public static class MissionPalette
{
    /// <summary>How many colours the theme's palette has; a test holds theme.css to it.</summary>
    public const int Size = 12;

    /// <summary>How many colours the plan's palette has: its theme's, else the shipped theme's <see cref="Size"/>.</summary>
    public static int SizeOf(StrategicPlan plan) => plan.Theme?.Palette.Count is > 0 and var count ? count : Size;

    /// <summary>
    /// The palette position (1 to <paramref name="size"/>, by default <see cref="Size"/>) of each mission without a colour of its own,
    /// by mission index; 0 for one with its own.
    /// </summary>
    public static IReadOnlyList<int> Positions(IReadOnlyList<Mission> missions, int size = Size)
    {
        var positions = new int[missions.Count];
        var next = 0;
        for (var i = 0; i < missions.Count; i++)
        {
            positions[i] = missions[i].Color is null ? next++ % size + 1 : 0;
        }

        return positions;
    }
}
