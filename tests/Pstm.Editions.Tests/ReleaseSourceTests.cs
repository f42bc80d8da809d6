using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Editions.Tests;

/// <summary>What a release build checks of its version and source before it prints, and how a release names its files.</summary>
public class ReleaseSourceTests
{
    private static readonly StrategicPlan Plan = new()
    {
        Id = new Located<string>("demo-plan", SourceSpan.ForFile("plan.yaml")),
        Title = "Demo",
        Entity = "Città demo",
        Period = new YearPeriod(2025, 2027),
        Language = "it",
        Locales = ["it", "en"],
        Span = SourceSpan.ForFile("plan.yaml"),
    };

    private static readonly string Commit = new('0', 40);

    [Theory]
    [InlineData("1.4.0")]
    [InlineData("2025.1-rc.1")]
    [InlineData("v1")]
    [InlineData("0.0.0-dev.1a2b3c4")]
    public void A_version_of_letters_digits_dots_and_dashes_names_the_files(string version)
    {
        Assert.Empty(new ReleaseSource(version, Commit).Check("plan", Plan, "1750000000"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.4.0/../x")]
    [InlineData("1_4")]
    [InlineData("1.4 beta")]
    [InlineData("-1.4")]
    [InlineData("1.4.")]
    [InlineData("1.4+build")]
    public void A_version_that_cannot_be_part_of_a_file_name_is_an_error(string version)
    {
        var diagnostic = Assert.Single(new ReleaseSource(version, Commit).Check("plan", Plan, "1750000000"));

        Assert.Equal("PSTM0630", diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.False(ReleaseSource.IsValidVersion(version));
        Assert.False(ReleaseSource.IsValidVersion(new string('1', 65)));
    }

    [Theory]
    [InlineData("abc1234")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("0000000000000000000000000000000000000000 ")]
    public void A_source_commit_that_is_not_a_full_commit_id_is_an_error(string commit)
    {
        var diagnostic = Assert.Single(new ReleaseSource("1.4.0", commit, ReleaseSource.CommitVariable).Check("plan", Plan, "1750000000"));

        Assert.Equal("PSTM0633", diagnostic.Code);
        Assert.Equal(ReleaseSource.CommitVariable, diagnostic.Span.File);
    }

    [Fact]
    public void Files_changed_since_the_commit_are_a_warning_that_names_them()
    {
        var diagnostic = Assert.Single(new ReleaseSource("1.4.0", Commit, "git", ["plan.yaml", "missions.yaml"]).Check("plan", Plan, "1750000000"));

        Assert.Equal("PSTM0632", diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Contains("plan.yaml, missions.yaml", diagnostic.Message);
    }

    [Fact]
    public void A_release_with_no_moment_to_be_dated_by_is_a_warning_and_one_with_a_plan_date_is_not()
    {
        var undated = Assert.Single(new ReleaseSource("1.4.0", null).Check("plan", Plan, null));
        var dated = new ReleaseSource("1.4.0", null).Check("plan", Plan with { Date = new DateOnly(2025, 2, 27) }, null);
        var manifestOnly = new ReleaseSource(null, null).Check("plan", Plan, null);

        Assert.Equal("PSTM0631", undated.Code);
        Assert.Equal(Severity.Warning, undated.Severity);
        Assert.Empty(dated);
        Assert.Empty(manifestOnly);
    }

    [Theory]
    [InlineData("it/demo-plan_it_booklet_1.4.0.pdf", "booklet")]
    [InlineData("it/demo-plan_it_booklet_1.4.0.html", "booklet")]
    [InlineData("en/demo_plan_en_slides_2.0.pdf", "slides")]
    [InlineData("it/booklet.pdf", "booklet")]
    [InlineData("it/slides.html", "slides")]
    [InlineData("it/assets/fonts/fonts.css", "asset")]
    [InlineData("it/notes.txt", null)]
    [InlineData("manifest.json", null)]
    public void A_file_is_told_booklet_slides_or_asset_by_its_path(string relative, string? kind)
    {
        Assert.Equal(kind, ReleaseLayout.KindOf(relative));
    }

    [Fact]
    public void A_release_file_is_named_plan_locale_kind_version()
    {
        Assert.Equal("psttm-2025-2027_it_booklet_1.4.0.pdf", ReleaseLayout.FileName("psttm-2025-2027", "it", "booklet", "1.4.0", ".pdf"));
    }
}
