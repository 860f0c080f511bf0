using System.Security.Cryptography;
using System.Text;
using Archive.Media.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Archive.Media.Tests;

public class ImagingTests
{
    private static readonly ImagingSettings Settings = new();

    private static (ImageCommands? Commands, CommandProblem? Problem) Parse(string query) =>
        ImageCommands.Parse(query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], (string?)p[1])), Settings);

    [Theory]
    [InlineData("width=abc", "width")]
    [InlineData("width=0", "width")]
    [InlineData("height=-5", "height")]
    [InlineData("mode=zoom", "mode")]
    [InlineData("rmode=1", "rmode")]
    [InlineData("rxy=0.5", "rxy")]
    [InlineData("rxy=1.5,0.2", "rxy")]
    [InlineData("cc=0.6,0,0.5,0", "cc")]
    [InlineData("cc=NaN,0,0,0", "cc")]
    [InlineData("format=bmp", "format")]
    [InlineData("quality=0", "quality")]
    [InlineData("quality=101", "quality")]
    [InlineData("bgcolor=notacolour", "bgcolor")]
    [InlineData("ranchor=middle", "ranchor")]
    public void Bad_commands_name_their_parameter(string query, string parameter)
    {
        var (commands, problem) = Parse(query);
        Assert.Null(commands);
        Assert.Equal(parameter, problem!.Parameter);
    }

    [Fact]
    public void Sizes_beyond_the_maximum_are_clamped_and_order_does_not_change_the_key()
    {
        var (commands, _) = Parse("width=99999&height=20000&format=webp");
        Assert.Equal(5000, commands!.Width);
        Assert.Equal(5000, commands.Height);
        Assert.Equal(Parse("FORMAT=webp&Height=5000&width=5000").Commands!.CanonicalKey, commands.CanonicalKey);
        Assert.NotEqual(Parse("width=5000&height=5000&format=png").Commands!.CanonicalKey, commands.CanonicalKey);
        // Unknown parameters (cache busters) change nothing.
        Assert.True(Parse("v=123").Commands!.IsEmpty);
    }

    [Theory]
    [InlineData("width=100&height=100&mode=crop", 100, 100)]
    [InlineData("width=100&height=100&mode=max", 100, 50)]
    [InlineData("width=100&height=100&mode=pad", 100, 100)]
    [InlineData("width=100&height=100&mode=stretch", 100, 100)]
    [InlineData("width=100", 100, 50)]
    [InlineData("height=25", 50, 25)]
    [InlineData("cc=0.25,0,0.25,0.5", 100, 50)]
    [InlineData("cc=0.25,0,0.25,0.5&width=50", 50, 25)]
    public void Modes_and_crops_give_Umbraco_sizes(string query, int width, int height)
    {
        using var image = TestImages.Gradient(200, 100);
        ImageRenderer.Apply(image, Parse(query).Commands!);
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void The_focal_point_decides_what_a_crop_keeps()
    {
        // Left half dark, right half light: a square crop around a focal point on the right is light.
        using var image = TestImages.Gradient(200, 100);
        ImageRenderer.Apply(image, Parse("width=50&height=50&mode=crop&rxy=0.95,0.5").Commands!);
        Assert.True(image[25, 25].R > 150);
        using var left = TestImages.Gradient(200, 100);
        ImageRenderer.Apply(left, Parse("width=50&height=50&mode=crop&rxy=0.05,0.5").Commands!);
        Assert.True(left[25, 25].R < 100);
    }

    [Fact]
    public async Task Derivatives_carry_no_metadata()
    {
        var source = TestImages.Photo(new PngEncoder(), withGps: true, 200, 100);
        using var output = new MemoryStream();
        await ImageRenderer.RenderAsync(new MemoryStream(source), "png", Parse("width=100&format=jpg").Commands!, output);
        using var result = Image.Load<Rgb24>(output.ToArray());
        Assert.Null(result.Metadata.ExifProfile);
        Assert.Null(result.Metadata.XmpProfile);
        Assert.Equal(100, result.Width);
    }

    [Fact]
    public void Signatures_follow_ImageSharp_Web()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var query = new[] { KeyValuePair.Create("width", (string?)"300"), KeyValuePair.Create("v", (string?)"7"), KeyValuePair.Create("rmode", (string?)"crop") };
        // HMAC-SHA256 of the lower-cased path with the image commands only, hex in lower case.
        var expected = Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("/media/ab12cd34/photo.jpg?width=300&rmode=crop"))).ToLowerInvariant();
        Assert.Equal(expected, UrlSigner.Sign("/media/AB12cd34/Photo.jpg", query, secret));
        Assert.True(UrlSigner.Verify("/media/ab12cd34/photo.jpg", query, expected, secret));
        Assert.False(UrlSigner.Verify("/media/ab12cd34/photo.jpg", query.Take(1), expected, secret));
        Assert.False(UrlSigner.Verify("/media/ab12cd34/other.jpg", query, expected, secret));
        Assert.False(UrlSigner.Verify("/media/ab12cd34/photo.jpg", query, null, secret));
    }
}
