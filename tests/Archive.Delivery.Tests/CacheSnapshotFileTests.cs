using System.Text;
using Archive.Delivery.Cache;
using Archive.Engine.Publishing;

namespace Archive.Delivery.Tests;

/// The published cache kept on disk reads back as it was written: every member of every item, values still compressed
/// with the codec's dictionary (an item packed by an older codec written with the file's), the change it was made at; a
/// file of another kind, cut short or changed on the disk is not read.
public sealed class CacheSnapshotFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("archive-cache-file").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string FilePath => Path.Combine(_folder, CacheSnapshotFile.FileName);

    private static byte[] Values(int i) => Encoding.UTF8.GetBytes($"{{\"names\":{{\"en\":\"Chest No. {i}\",\"kk\":\"Сандық №{i}\"}},\"values\":{{\"accessionNumber\":{{\"\":\"KP-{i:D6}\"}}}}}}");

    private static PublishedNode Node(int i, DataCodec codec) => new()
    {
        Key = Guid.NewGuid(),
        IsMedia = i % 10 == 0,
        ContentTypeAlias = i % 10 == 0 ? "Image" : "artefact",
        ParentKey = Guid.NewGuid(),
        AncestorKeys = [Guid.NewGuid(), Guid.NewGuid()],
        Level = 3,
        SortOrder = i,
        CreateDate = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(i),
        UpdateDate = new DateTime(2026, 6, 7, 8, 9, 10, DateTimeKind.Unspecified),
        IsVariant = i % 10 != 0,
        Cultures = i % 10 == 0
            ? new Dictionary<string, PublishedCulture> { [""] = new($"photo-{i}.jpg", $"photo-{i}-jpg") }
            : new Dictionary<string, PublishedCulture> { ["en"] = new($"Chest No. {i}", $"chest-no-{i}"), ["ug"] = new($"ساندۇق {i}", $"sanduq-{i}") },
        Codec = codec,
        Data = Values(i),
        References = i % 3 == 0 ? [Guid.NewGuid()] : [],
        FilePath = i % 10 == 0 ? $"ab12/photo-{i}.jpg" : null,
        Whereabouts = i % 4 == 0 ? new StoredWhereabouts([Guid.NewGuid()], InTransit: i % 8 == 0) : null,
    };

    private static readonly ChangeMark Mark = new(4_711, Guid.NewGuid(), new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Every_member_of_every_item_and_the_change_read_back_as_written()
    {
        var codec = DataCodec.Train(Enumerable.Range(0, 500).Select(Values).ToList());
        Assert.True(codec.DictionarySize > 0);
        // One item packed by the codec of an earlier load: written packed with the file's codec.
        var nodes = Enumerable.Range(0, 300).Select(i => Node(i, i == 7 ? DataCodec.Plain : codec)).ToList();
        CacheSnapshotFile.Write(FilePath, nodes, codec, Mark);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));

        using var opened = CacheSnapshotFile.Open(FilePath);
        Assert.NotNull(opened);
        Assert.Equal(Mark, opened.Mark);
        var (read, readCodec) = opened.ReadNodes();
        Assert.Equal(codec.Dictionary, readCodec.Dictionary);
        Assert.Equal(nodes.Count, read.Count);
        foreach (var (written, back) in nodes.Zip(read))
        {
            Assert.Equal(written.Key, back.Key);
            Assert.Equal(written.IsMedia, back.IsMedia);
            Assert.Equal(written.ContentTypeAlias, back.ContentTypeAlias);
            Assert.Equal(written.ParentKey, back.ParentKey);
            Assert.Equal(written.AncestorKeys, back.AncestorKeys);
            Assert.Equal((written.Level, written.SortOrder, written.IsVariant), (back.Level, back.SortOrder, back.IsVariant));
            Assert.Equal((written.CreateDate, written.CreateDate.Kind), (back.CreateDate, back.CreateDate.Kind));
            Assert.Equal((written.UpdateDate, written.UpdateDate.Kind), (back.UpdateDate, back.UpdateDate.Kind));
            Assert.Equal(written.Cultures.OrderBy(c => c.Key), back.Cultures.OrderBy(c => c.Key));
            Assert.NotNull(back.CultureOf(written.IsVariant ? "EN" : "en"));
            Assert.Equal(written.Data, back.Data);
            Assert.Same(readCodec, back.Codec);
            Assert.Equal(written.References, back.References);
            Assert.Equal(written.FilePath, back.FilePath);
            Assert.Equal(written.Whereabouts?.InTransit, back.Whereabouts?.InTransit);
            Assert.Equal(written.Whereabouts?.Places, back.Whereabouts?.Places);
        }
    }

    [Fact]
    public void A_missing_file_or_one_of_another_kind_has_no_header_and_one_cut_short_or_changed_fails_to_read_its_items()
    {
        Assert.Null(CacheSnapshotFile.Open(FilePath));
        File.WriteAllText(FilePath, "not a cache at all");
        Assert.Null(CacheSnapshotFile.Open(FilePath));

        var nodes = Enumerable.Range(0, 50).Select(i => Node(i, DataCodec.Plain)).ToList();
        CacheSnapshotFile.Write(FilePath, nodes, DataCodec.Plain, Mark);
        var whole = File.ReadAllBytes(FilePath);
        var changed = (byte[])whole.Clone();
        changed[whole.Length / 2] ^= 0x01;
        foreach (var damaged in new[] { whole[..^1], whole[..(whole.Length / 2)], whole[..80], changed })
        {
            File.WriteAllBytes(FilePath, damaged);
            using var opened = CacheSnapshotFile.Open(FilePath);
            Assert.NotNull(opened);
            var refused = Record.Exception(() => opened.ReadNodes());
            Assert.True(refused is IOException or InvalidDataException, refused?.ToString() ?? "read whole");
        }
    }
}
