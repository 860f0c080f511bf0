using System.Text;
using Archive.Engine.Publishing;

namespace Archive.Delivery.Cache;

/// The published cache kept on disk beside the search index: every item as the cache holds it (values still compressed,
/// with the codec's dictionary) and the last change of the log it includes. A start reads it and catches up from the log
/// instead of reading and projecting the whole catalogue from the database again, which at a million items takes
/// minutes. Only the public projection is ever in it, as in the cache. Written to a temporary file and moved into place,
/// so a process killed while writing leaves the last whole file; a damaged or foreign file is ignored and the cache
/// built from the database.
public static class CacheSnapshotFile
{
    private const string Magic = "archive.published-cache";
    // Raised when what is written changes: an older file is then ignored, not misread.
    // 2: an item's update date is its published version's.
    private const int Version = 2;

    public const string FileName = "published-cache.bin";

    /// A file opened and its header read: the change it was made at; the items are read only when asked.
    public sealed class Opened : IDisposable
    {
        private readonly BinaryReader reader;
        private readonly ChecksummedStream checksummed;

        internal Opened(BinaryReader reader, ChecksummedStream checksummed, ChangeMark mark)
        {
            this.reader = reader;
            this.checksummed = checksummed;
            Mark = mark;
        }

        public ChangeMark Mark { get; }

        /// Every item; an InvalidDataException or EndOfStreamException when the file is damaged anywhere (its checksum).
        public (IReadOnlyList<PublishedNode> Nodes, DataCodec Codec) ReadNodes()
        {
            var dictionary = reader.ReadBytes(Length(reader));
            var codec = DataCodec.WithDictionary(dictionary);
            var count = Length(reader);
            var nodes = new List<PublishedNode>(count);
            var ancestors = new AncestorArrays();
            for (var i = 0; i < count; i++)
                nodes.Add(ReadNode(reader, codec, ancestors));
            if (reader.ReadInt32() != count || reader.ReadString() != Magic)
                throw new InvalidDataException("The published cache file does not end where it says.");
            var computed = checksummed.Checksum;
            if (reader.ReadUInt64() != computed)
                throw new InvalidDataException("The published cache file's checksum does not match its contents.");
            return (nodes, codec);
        }

        public void Dispose() => reader.Dispose();
    }

    /// The file's header, or null when there is none, it is of another version or cannot be read.
    public static Opened? Open(string path)
    {
        if (!File.Exists(path))
            return null;
        var checksummed = new ChecksummedStream(new BufferedStream(File.OpenRead(path), 1 << 16), writing: false);
        var reader = new BinaryReader(checksummed, Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
            {
                reader.Dispose();
                return null;
            }
            return new Opened(reader, checksummed, new ChangeMark(reader.ReadInt64(), ReadGuid(reader), DateTime.FromBinary(reader.ReadInt64())));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or FormatException)
        {
            reader.Dispose();
            return null;
        }
    }

    public static void Write(string path, IReadOnlyCollection<PublishedNode> nodes, DataCodec codec, ChangeMark mark)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Named for this writer alone: nodes sharing a data folder never write into each other's file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var checksummed = new ChecksummedStream(stream, writing: true, leaveOpen: true))
                using (var writer = new BinaryWriter(checksummed, Encoding.UTF8, leaveOpen: true))
                {
                    WriteAll(writer, nodes, codec, mark);
                    writer.Flush();
                    writer.Write(checksummed.Checksum);
                }
                // On the disk before it replaces the last file: a power cut leaves one or the other whole.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            // A write that failed (a full disk) leaves nothing behind.
            File.Delete(temporary);
        }
    }

    private static void WriteAll(BinaryWriter writer, IReadOnlyCollection<PublishedNode> nodes, DataCodec codec, ChangeMark mark)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(mark.Position);
        writer.Write(mark.Key.ToByteArray());
        writer.Write(mark.Timestamp.ToBinary());
        writer.Write(codec.DictionarySize);
        writer.Write(codec.Dictionary);
        writer.Write(nodes.Count);
        foreach (var node in nodes)
            WriteNode(writer, node, codec);
        writer.Write(nodes.Count);
        writer.Write(Magic);
    }

    private static void WriteNode(BinaryWriter writer, PublishedNode node, DataCodec codec)
    {
        writer.Write(node.Key.ToByteArray());
        writer.Write(node.IsMedia);
        writer.Write(node.ContentTypeAlias);
        writer.Write(node.ParentKey.ToByteArray());
        writer.Write(node.AncestorKeys.Count);
        foreach (var key in node.AncestorKeys)
            writer.Write(key.ToByteArray());
        writer.Write(node.Level);
        writer.Write(node.SortOrder);
        writer.Write(node.CreateDate.ToBinary());
        writer.Write(node.UpdateDate.ToBinary());
        writer.Write(node.IsVariant);
        writer.Write(node.Cultures.Count);
        foreach (var (culture, published) in node.Cultures)
        {
            writer.Write(culture);
            writer.Write(published.Name);
            writer.Write(published.Segment);
        }
        // An item packed before the codec last changed is packed again with the one the file names.
        var packed = ReferenceEquals(node.Codec, codec) ? node.Packed : codec.Pack(node.Data);
        writer.Write(packed.Length);
        writer.Write(packed);
        writer.Write(node.References.Count);
        foreach (var key in node.References)
            writer.Write(key.ToByteArray());
        writer.Write(node.FilePath is not null);
        if (node.FilePath is not null)
            writer.Write(node.FilePath);
        writer.Write(node.Whereabouts is not null);
        if (node.Whereabouts is { } at)
        {
            writer.Write(at.Places.Count);
            foreach (var place in at.Places)
                writer.Write(place.ToByteArray());
            writer.Write(at.InTransit);
        }
    }

    /// A count or length, refused when the file is too short to hold it (a damaged length would otherwise allocate it).
    private static int Length(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        return length >= 0 && length <= reader.BaseStream.Length - reader.BaseStream.Position ? length
            : throw new InvalidDataException("The published cache file states a length it does not hold.");
    }

    private static Guid ReadGuid(BinaryReader reader)
    {
        var bytes = reader.ReadBytes(16);
        return bytes.Length == 16 ? new Guid(bytes) : throw new EndOfStreamException();
    }

    private static PublishedNode ReadNode(BinaryReader reader, DataCodec codec, AncestorArrays shared)
    {
        Guid ReadGuid() => CacheSnapshotFile.ReadGuid(reader);
        Guid[] ReadGuids()
        {
            // Most items reference nothing: they share the one empty array.
            var length = Length(reader);
            if (length == 0)
                return [];
            var keys = new Guid[length];
            for (var i = 0; i < keys.Length; i++)
                keys[i] = ReadGuid();
            return keys;
        }
        var key = ReadGuid();
        var isMedia = reader.ReadBoolean();
        // Aliases and culture codes repeat from item to item: one copy of each, as the cache keeps them.
        var alias = string.Intern(reader.ReadString());
        var parent = ReadGuid();
        var ancestors = shared.Share(ReadGuids());
        var level = reader.ReadInt32();
        var sortOrder = reader.ReadInt32();
        var created = DateTime.FromBinary(reader.ReadInt64());
        var updated = DateTime.FromBinary(reader.ReadInt64());
        var isVariant = reader.ReadBoolean();
        var cultureCount = Length(reader);
        var cultures = new KeyValuePair<string, PublishedCulture>[cultureCount];
        for (var i = 0; i < cultureCount; i++)
            cultures[i] = KeyValuePair.Create(reader.ReadString(), new PublishedCulture(reader.ReadString(), reader.ReadString()));
        var packed = reader.ReadBytes(Length(reader));
        var references = ReadGuids();
        var filePath = reader.ReadBoolean() ? reader.ReadString() : null;
        var whereabouts = reader.ReadBoolean() ? new StoredWhereabouts(ReadGuids(), reader.ReadBoolean()) : null;
        return new PublishedNode(packed, codec)
        {
            Key = key,
            IsMedia = isMedia,
            ContentTypeAlias = alias,
            ParentKey = parent,
            AncestorKeys = ancestors,
            Level = level,
            SortOrder = sortOrder,
            CreateDate = created,
            UpdateDate = updated,
            IsVariant = isVariant,
            Cultures = CultureMap.Of(cultures),
            References = references,
            FilePath = filePath,
            Whereabouts = whereabouts,
        };
    }
}
