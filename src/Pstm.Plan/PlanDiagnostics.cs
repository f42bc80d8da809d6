using Pstm.Diagnostics;

namespace Pstm.Plan;

/// <summary>
/// Every diagnostic that loading and validating a plan can report. Codes are stable: never reuse or
/// renumber one. 00xx files, 01xx YAML syntax, 02xx ids and references, 03xx fields and values,
/// 04xx content and coverage, 08xx translations.
/// </summary>
public static class PlanDiagnostics
{
    public static readonly DiagnosticDescriptor PlanFolderNotFound = new("PSTM0001", Severity.Error, "Plan folder not found");
    public static readonly DiagnosticDescriptor PlanFileNotFound = new("PSTM0002", Severity.Error, "plan.yaml not found");
    public static readonly DiagnosticDescriptor FileUnreadable = new("PSTM0003", Severity.Error, "File cannot be read");
    public static readonly DiagnosticDescriptor InvalidUtf8 = new("PSTM0004", Severity.Error, "File is not valid UTF-8");
    public static readonly DiagnosticDescriptor EmptyFile = new("PSTM0005", Severity.Error, "File is empty");
    public static readonly DiagnosticDescriptor IncludeNotFound = new("PSTM0006", Severity.Error, "Included file not found");
    public static readonly DiagnosticDescriptor IncludeOutsidePlan = new("PSTM0007", Severity.Error, "Include leaves the plan folder");
    public static readonly DiagnosticDescriptor IncludedTwice = new("PSTM0008", Severity.Warning, "File included twice");
    public static readonly DiagnosticDescriptor IncludePatternEmpty = new("PSTM0009", Severity.Warning, "Include pattern matches no file");
    public static readonly DiagnosticDescriptor FileTooLarge = new("PSTM0010", Severity.Error, "File larger than the limit");
    public static readonly DiagnosticDescriptor TooManyFiles = new("PSTM0011", Severity.Error, "Plan includes more files than the limit");
    public static readonly DiagnosticDescriptor PlanTooLarge = new("PSTM0012", Severity.Error, "Plan's files larger than the limit together");
    public static readonly DiagnosticDescriptor TooManyProblems = new("PSTM0013", Severity.Error, "More problems in one file than the limit");
    public static readonly DiagnosticDescriptor FileNotWritable = new("PSTM0014", Severity.Error, "File cannot be written");
    public static readonly DiagnosticDescriptor FileReadsBackDifferently = new("PSTM0015", Severity.Error, "File would not read back as written");
    public static readonly DiagnosticDescriptor ImageNotFound = new("PSTM0016", Severity.Error, "Image not found");
    public static readonly DiagnosticDescriptor ImageOutsidePlan = new("PSTM0017", Severity.Error, "Image not in the plan folder");
    public static readonly DiagnosticDescriptor NotAnImage = new("PSTM0018", Severity.Error, "Not a PNG, JPEG, WebP or SVG image");
    public static readonly DiagnosticDescriptor ImageTooLarge = new("PSTM0019", Severity.Error, "Image larger than the limit");

    public static readonly DiagnosticDescriptor YamlSyntax = new("PSTM0101", Severity.Error, "YAML syntax error");
    public static readonly DiagnosticDescriptor TabIndentation = new("PSTM0102", Severity.Error, "Tab in indentation");
    public static readonly DiagnosticDescriptor UnclosedFlow = new("PSTM0103", Severity.Error, "Unclosed '[' or '{'");
    public static readonly DiagnosticDescriptor DuplicateKey = new("PSTM0104", Severity.Error, "Duplicate key");
    public static readonly DiagnosticDescriptor MultipleDocuments = new("PSTM0105", Severity.Error, "More than one YAML document in a file");
    public static readonly DiagnosticDescriptor UnknownAlias = new("PSTM0106", Severity.Error, "Alias to an unknown anchor");
    public static readonly DiagnosticDescriptor ComplexKey = new("PSTM0107", Severity.Error, "Key is not a plain value");
    public static readonly DiagnosticDescriptor NestingTooDeep = new("PSTM0108", Severity.Error, "Nesting deeper than the limit");
    public static readonly DiagnosticDescriptor AliasesTooLarge = new("PSTM0109", Severity.Error, "Aliases expand beyond the limit");
    public static readonly DiagnosticDescriptor CharacterNotAllowed = new("PSTM0110", Severity.Error, "Character not allowed in YAML");
    public static readonly DiagnosticDescriptor LineBreakInOneLineText = new("PSTM0111", Severity.Error, "Line break in a one-line text");
    public static readonly DiagnosticDescriptor ItemInText = new("PSTM0112", Severity.Warning, "A list item read as more of the text above");

    public static readonly DiagnosticDescriptor DuplicateId = new("PSTM0201", Severity.Error, "Duplicate id");
    public static readonly DiagnosticDescriptor InvalidId = new("PSTM0202", Severity.Error, "Invalid id");
    public static readonly DiagnosticDescriptor UnknownMission = new("PSTM0203", Severity.Error, "Unknown mission");
    public static readonly DiagnosticDescriptor UnknownObjective = new("PSTM0204", Severity.Error, "Unknown objective");
    public static readonly DiagnosticDescriptor ObjectiveOfUnlistedMission = new("PSTM0205", Severity.Error, "Objective of a mission the driver does not list");
    public static readonly DiagnosticDescriptor ListedTwice = new("PSTM0206", Severity.Warning, "Reference listed twice");
    public static readonly DiagnosticDescriptor UnknownSection = new("PSTM0207", Severity.Error, "Unknown section");
    public static readonly DiagnosticDescriptor SectionPlacedTwice = new("PSTM0208", Severity.Error, "Section placed in two chapters");
    public static readonly DiagnosticDescriptor SectionNotPlaced = new("PSTM0209", Severity.Warning, "Section placed in no chapter");
    public static readonly DiagnosticDescriptor UnknownItem = new("PSTM0210", Severity.Error, "No item of the plan has the id asked for");
    public static readonly DiagnosticDescriptor RenameUnfollowable = new("PSTM0211", Severity.Warning, "Rename that cannot be followed");

    public static readonly DiagnosticDescriptor UnknownKey = new("PSTM0301", Severity.Error, "Unknown key");
    public static readonly DiagnosticDescriptor WrongType = new("PSTM0302", Severity.Error, "Wrong type");
    public static readonly DiagnosticDescriptor MissingField = new("PSTM0303", Severity.Error, "Missing required field");
    public static readonly DiagnosticDescriptor EmptyText = new("PSTM0304", Severity.Error, "Empty text");
    public static readonly DiagnosticDescriptor InvalidValue = new("PSTM0305", Severity.Error, "Invalid value");
    public static readonly DiagnosticDescriptor InvalidRange = new("PSTM0306", Severity.Error, "Period ends before it starts");
    public static readonly DiagnosticDescriptor DuplicateNumber = new("PSTM0307", Severity.Error, "Duplicate number");
    public static readonly DiagnosticDescriptor NumberingGap = new("PSTM0308", Severity.Warning, "Gap in numbering");
    public static readonly DiagnosticDescriptor LocaleProblem = new("PSTM0309", Severity.Error, "Source language not among the locales");
    public static readonly DiagnosticDescriptor CodeTooLong = new("PSTM0310", Severity.Error, "Code longer than a chip can show");
    public static readonly DiagnosticDescriptor InvalidColor = new("PSTM0311", Severity.Error, "Colour is not #rrggbb");
    public static readonly DiagnosticDescriptor ColorContrast = new("PSTM0312", Severity.Error, "Colour too light for the white text on it");
    public static readonly DiagnosticDescriptor SharedColor = new("PSTM0313", Severity.Warning, "Two missions in one colour");
    public static readonly DiagnosticDescriptor CodeUsedTwice = new("PSTM0314", Severity.Warning, "Code shown for two items");

    public static readonly DiagnosticDescriptor UnknownLabel = new("PSTM0320", Severity.Error, "Unknown label key");
    public static readonly DiagnosticDescriptor UnknownPlaceholder = new("PSTM0321", Severity.Error, "Unknown placeholder in a label");
    public static readonly DiagnosticDescriptor UnknownPluralForm = new("PSTM0322", Severity.Error, "Plural form the language does not have");
    public static readonly DiagnosticDescriptor PluralFormMissing = new("PSTM0323", Severity.Error, "Plural form missing");
    public static readonly DiagnosticDescriptor PluralFormsNotCounted = new("PSTM0324", Severity.Error, "Plural forms for a label that shows no count");
    public static readonly DiagnosticDescriptor LabelKeysInvalid = new("PSTM0325", Severity.Error, "Label keys declaration invalid");

    public static readonly DiagnosticDescriptor MissionNotServed = new("PSTM0401", Severity.Warning, "Mission served by no driver");
    public static readonly DiagnosticDescriptor ObjectiveNotCited = new("PSTM0402", Severity.Info, "Objective cited by no driver");
    public static readonly DiagnosticDescriptor TextMissing = new("PSTM0403", Severity.Warning, "Text not written yet");
    public static readonly DiagnosticDescriptor ChapterWithoutContent = new("PSTM0404", Severity.Warning, "Chapter has no content");
    public static readonly DiagnosticDescriptor MissionWithoutObjectives = new("PSTM0405", Severity.Warning, "Mission has no objectives");
    public static readonly DiagnosticDescriptor UnbalancedEmphasis = new("PSTM0406", Severity.Warning, "Unbalanced emphasis marker");
    public static readonly DiagnosticDescriptor MilestoneOutsidePhase = new("PSTM0407", Severity.Warning, "Milestone outside its phase");
    public static readonly DiagnosticDescriptor ImageWithoutAlt = new("PSTM0410", Severity.Error, "Image without alternative text");
    public static readonly DiagnosticDescriptor RawHtml = new("PSTM0411", Severity.Error, "HTML in a plan text");
    public static readonly DiagnosticDescriptor UnsupportedMarkdown = new("PSTM0412", Severity.Error, "Markdown that pstm does not render");
    public static readonly DiagnosticDescriptor BlockMarkdownInInlineText = new("PSTM0413", Severity.Error, "Image in a one-line text");
    public static readonly DiagnosticDescriptor UnsafeSvg = new("PSTM0414", Severity.Error, "SVG image that runs scripts or loads files");
    public static readonly DiagnosticDescriptor ControlCharacterEntity = new("PSTM0415", Severity.Error, "Character reference to a control character");
    public static readonly DiagnosticDescriptor TableWithoutCaption = new("PSTM0416", Severity.Warning, "Table without a caption");
    public static readonly DiagnosticDescriptor PublicationDetailMissing = new("PSTM0417", Severity.Warning, "Publication detail not stated");
    public static readonly DiagnosticDescriptor PublicationMissing = new("PSTM0418", Severity.Info, "Plan states no publication details");
    public static readonly DiagnosticDescriptor TemplatesFolderNotFound = new("PSTM0419", Severity.Error, "Templates folder of the plan not found");
    public static readonly DiagnosticDescriptor NotAFont = new("PSTM0420", Severity.Error, "Not a WOFF2, WOFF, TrueType or OpenType font");
    public static readonly DiagnosticDescriptor FontTooLarge = new("PSTM0421", Severity.Error, "Font larger than the limit");
    public static readonly DiagnosticDescriptor FontDamaged = new("PSTM0422", Severity.Error, "Font file damaged or incomplete");
    public static readonly DiagnosticDescriptor FontNotEmbeddable = new("PSTM0423", Severity.Error, "Font whose licence forbids embedding it");
    public static readonly DiagnosticDescriptor FontOutsidePlan = new("PSTM0424", Severity.Error, "Font not in the plan folder");
    public static readonly DiagnosticDescriptor FontOfAnotherFamily = new("PSTM0425", Severity.Warning, "Font file of another family than declared");
    public static readonly DiagnosticDescriptor ThemeImageAlt = new("PSTM0430", Severity.Error, "Theme picture without alt or decorative mark");
    public static readonly DiagnosticDescriptor ThemeDeclaredTwice = new("PSTM0431", Severity.Error, "Theme declared in two files");
    public static readonly DiagnosticDescriptor ThemeContrast = new("PSTM0432", Severity.Error, "Theme colour without enough contrast");
    public static readonly DiagnosticDescriptor PaletteTooAlike = new("PSTM0433", Severity.Warning, "Palette colours too alike");
    public static readonly DiagnosticDescriptor FontNotShipped = new("PSTM0434", Severity.Error, "Typeface neither shipped nor given as files");

    public static readonly DiagnosticDescriptor TranslationMissing = new("PSTM0801", Severity.Warning, "Translation missing");
    public static readonly DiagnosticDescriptor TranslationStale = new("PSTM0802", Severity.Warning, "Translation of an older source text");
    public static readonly DiagnosticDescriptor TranslationUnknownKey = new("PSTM0803", Severity.Warning, "Translation of no field of the plan");
    public static readonly DiagnosticDescriptor TranslationLanguage = new("PSTM0804", Severity.Error, "Translation file of another language");
    public static readonly DiagnosticDescriptor XliffInvalid = new("PSTM0805", Severity.Error, "Not an XLIFF 2.0 file pstm can read");
    public static readonly DiagnosticDescriptor XliffUnknownUnit = new("PSTM0806", Severity.Error, "XLIFF unit or PO entry for no field of the plan");
    public static readonly DiagnosticDescriptor XliffLanguage = new("PSTM0807", Severity.Error, "XLIFF or PO file's languages do not match the plan");
    public static readonly DiagnosticDescriptor TranslationRenamed = new("PSTM0808", Severity.Info, "Translation under an id renamed since");
    public static readonly DiagnosticDescriptor XliffDtd = new("PSTM0813", Severity.Error, "XLIFF file declares a DTD");
    public static readonly DiagnosticDescriptor XliffNotTranslated = new("PSTM0814", Severity.Warning, "XLIFF target not imported: its segment is not marked translated");
    public static readonly DiagnosticDescriptor XliffInlineMarkup = new("PSTM0815", Severity.Error, "XLIFF inline markup pstm cannot write back");
    public static readonly DiagnosticDescriptor XliffDuplicateUnit = new("PSTM0816", Severity.Error, "XLIFF unit or PO entry id repeated");
    public static readonly DiagnosticDescriptor XliffForeignElement = new("PSTM0817", Severity.Warning, "XLIFF element of another namespace, not read");
    public static readonly DiagnosticDescriptor TranslationNotRead = new("PSTM0820", Severity.Warning, "Translation file of no locale the plan builds");
    public static readonly DiagnosticDescriptor ImportedSourceChanged = new("PSTM0830", Severity.Warning, "Imported translation of another source text than the plan's: recorded stale");
    public static readonly DiagnosticDescriptor PoFuzzy = new("PSTM0831", Severity.Warning, "PO entry marked fuzzy: imported stale, or not at all");
    public static readonly DiagnosticDescriptor PoInvalid = new("PSTM0832", Severity.Error, "Not a PO file pstm can read");

    /// <summary>All descriptors, for documentation and for checking that codes are unique.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = DiagnosticDescriptor.DeclaredIn(typeof(PlanDiagnostics));
}
