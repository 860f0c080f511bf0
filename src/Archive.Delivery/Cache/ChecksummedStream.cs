using System.IO.Hashing;

namespace Archive.Delivery.Cache;

/// Passes bytes through to another stream, one way, and keeps the XxHash64 of every byte passed: a file written through
/// it ends with the hash, and reading it back through one shows whether a byte changed on the disk.
internal sealed class ChecksummedStream(Stream inner, bool writing, bool leaveOpen = false) : Stream
{
    private readonly XxHash64 _hash = new();

    public ulong Checksum => _hash.GetCurrentHashAsUInt64();

    public override bool CanRead => !writing;
    public override bool CanWrite => writing;
    public override bool CanSeek => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.Append(buffer[..read]);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.Append(buffer);
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
