using Archive.Site.Texts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Archive.Site.Pages.Shared;

/// A text, marked with its own language when it is not the page's, and laid out in its own direction (Russian in a
/// Uyghur page runs left to right). Written as code, not markup, so that it adds no whitespace around the text: links
/// and brackets close up to it.
public sealed class Txt : ComponentBase
{
    [Parameter, EditorRequired] public Localized Value { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Value.Lang is not { } lang)
        {
            builder.AddContent(0, Value.Text);
            return;
        }
        builder.OpenElement(1, "span");
        builder.AddAttribute(2, "lang", lang);
        builder.AddAttribute(3, "dir", "auto");
        builder.AddContent(4, Value.Text);
        builder.CloseElement();
    }
}
