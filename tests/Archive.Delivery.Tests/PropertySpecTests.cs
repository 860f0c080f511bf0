using Archive.Delivery.Rendering;

namespace Archive.Delivery.Tests;

public class PropertySpecTests
{
    [Fact]
    public void Nested_specs_name_properties_level_by_level()
    {
        var spec = PropertySpec.Parse("properties[author[properties[picture]],body]", PropertySpec.None, out var error)!;
        Assert.Null(error);
        Assert.True(spec.Names("author"));
        Assert.True(spec.Names("body"));
        Assert.False(spec.Names("title"));
        Assert.True(spec.Inside("author", PropertySpec.None).Names("picture"));
        Assert.False(spec.Inside("body", PropertySpec.None).Names("picture"));
    }

    [Fact]
    public void All_names_every_property_one_level_deep()
    {
        var expand = PropertySpec.Parse("properties[$all]", PropertySpec.None, out _)!;
        Assert.True(expand.Names("anything"));
        Assert.False(expand.Inside("anything", PropertySpec.None).Names("deeper"));
        var deep = PropertySpec.Parse("properties[$all[properties[$all]]]", PropertySpec.None, out _)!;
        Assert.True(deep.Inside("anything", PropertySpec.None).Names("deeper"));
    }

    [Fact]
    public void Fields_named_without_brackets_keep_everything_inside()
    {
        var fields = PropertySpec.Parse("properties[author]", PropertySpec.All, out _)!;
        Assert.False(fields.Names("title"));
        Assert.True(fields.Inside("author", PropertySpec.All).Names("picture"));
    }

    [Theory]
    [InlineData("properties[a")]
    [InlineData("properties[a]]")]
    [InlineData("[a]")]
    [InlineData("properties[]")]
    [InlineData("properties[a,,b]")]
    public void Malformed_specs_are_refused(string text)
    {
        Assert.Null(PropertySpec.Parse(text, PropertySpec.None, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Nesting_beyond_a_sane_depth_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("properties[a[", 20)) + "x" + new string(']', 40);
        Assert.Null(PropertySpec.Parse(deep, PropertySpec.None, out var error));
        Assert.Contains("deeper", error);
    }
}
