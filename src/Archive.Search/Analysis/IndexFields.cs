namespace Archive.Search.Analysis;

/// The index's field names, after Examine's habit of one document per item and culture.
public static class IndexFields
{
    public const string Key = "__key";
    /// The key again as 16 bytes of doc values: a page of results reads keys without touching stored fields.
    public const string KeyBytes = "__keyBytes";
    public const string Culture = "__culture";
    public const string ContentType = "__contentType";
    public const string Published = "__published";
    public const string Path = "__path";
    public const string Parent = "__parent";
    public const string Level = "__level";
    public const string SortOrder = "__sortOrder";
    public const string Name = "name";
    public const string NameSort = "__nameSort";
    public const string CreateDate = "__createDate";
    public const string UpdateDate = "__updateDate";
    public const string DatingEarliest = "__datingEarliest";
    public const string DatingLatest = "__datingLatest";
    public const string StoredText = "__text";
    /// Words of published names, lower-cased, for autocomplete; one field per culture.
    public static string Suggest(string culture) => culture.Length == 0 ? "suggest" : $"suggest_{culture.ToLowerInvariant()}";

    public const string UpdateDateSort = "__updateDateSort";
    public const string CreateDateSort = "__createDateSort";
    public const string LevelSort = "__levelSort";
    /// Sort orders from the root down, zero-padded, so that a string sort walks the tree in order.
    public const string PathOrder = "__pathOrder";
    /// The whole name, lower-cased, for "name contains" filters.
    public const string NameLower = "__nameLower";
    /// "y" on a published document superseded in preview by a draft document of the same culture.
    public const string HasDraft = "__hasDraft";
    /// "content" or "media".
    public const string Kind = "__kind";

    /// The keys of the items an item picks, by any public picker (places, terms, people…).
    public const string Picked = "__picked";

    /// A property's comparable values: exact lower-cased strings, or numbers (dates as Unix seconds).
    public static string PropertyText(string alias) => "p." + alias;
    public static string PropertyNumber(string alias) => "pn." + alias;
    public static string PropertyTextSort(string alias) => "ps." + alias;
    public static string PropertyNumberSort(string alias) => "pns." + alias;
    public const string DatingSort = "__datingSort";
    public const string Folded = "fold";
    public const string Skeleton = "skeleton";

    /// A second stemmed Russian field (Snowball): the dictionary leaves out proper names and rare words.
    public const string RussianSnowball = "stem_ru";

    /// The language's own analysed text field ("text_ru"); languages without one share "text".
    public static string Text(string language) => language is "ru" or "uk" or "en" or "kk" ? $"text_{language}" : "text";
}
