using System.Text;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Media.Storage;

namespace Archive.Web.Media;

/// The file of a published media item: its path in the store, recorded size, focal point and crops.
public sealed record PublishedMedia(PublishedNode Node, string Path, string Extension, int? Width, int? Height, JsonObject? Cropper)
{
    public bool IsImage => Iiif.IiifImage.IsImageExtension(Extension);

    public static PublishedMedia? Of(PublishedNode? node)
    {
        if (node is not { IsMedia: true })
            return null;
        var data = ContentData.FromJson(Encoding.UTF8.GetString(node.Data));
        var value = data.GetValue("umbracoFile");
        if (MediaPath.FromFileValue(value) is not { } path)
            return null;
        var cropper = value!.TrimStart().StartsWith('{') ? JsonNode.Parse(value) as JsonObject : null;
        static int? Number(string? value) => int.TryParse(value, out var n) && n > 0 ? n : null;
        return new PublishedMedia(node, path, System.IO.Path.GetExtension(path).TrimStart('.').ToLowerInvariant(),
            Number(data.GetValue("umbracoWidth")), Number(data.GetValue("umbracoHeight")), cropper);
    }
}
