using Archive.Engine.Content;
using Archive.Engine.Editors;

namespace Archive.Engine.Exhibitions;

/// Reads exhibition and loan values (agreementState, objects, stops, loanStart, loanEnd), wherever they are stored.
public static class LoanTermsOf
{
    public static LoanTerms Read(Guid key, string name, ContentData data) =>
        new(key, name, DropDownEditor.Choices(data.GetValue("agreementState")).FirstOrDefault() ?? "", MultiNodeTreePickerEditor.Keys(data.GetValue("objects")),
            MultiNodeTreePickerEditor.Keys(data.GetValue("stops")), ExhibitionDays.Day(data.GetValue("loanStart")), ExhibitionDays.Day(data.GetValue("loanEnd")));

    /// A stop's checklist: its own objects, or its exhibition's where it has none.
    public static IReadOnlyList<Guid> Checklist(ContentData stop, ContentData? exhibition) =>
        MultiNodeTreePickerEditor.Keys(stop.GetValue("objects")) is { Count: > 0 } own ? own : MultiNodeTreePickerEditor.Keys(exhibition?.GetValue("objects"));
}
