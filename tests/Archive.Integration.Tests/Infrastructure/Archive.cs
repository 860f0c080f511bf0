using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Data.USync;
using Archive.Engine.Editors;
using Archive.Engine.USync;
using Archive.Media.Storage;

namespace Archive.Integration.Tests.Infrastructure;

/// The engine's services over one test database, built by hand (no host), each call with a fresh context.
public sealed class ArchiveServices(TestDatabase database, TimeProvider? clock = null)
{
    public SchemaStore Schemas { get; } = new();
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;
    public string MediaRoot { get; } = Paths.TempFolder();

    public ContentService Content(ArchiveDbContext db) => new(db, Schemas, PropertyEditors.Default, new ContentOptions(), Clock);

    public USyncImporter Importer(ArchiveDbContext db) =>
        new(db, Schemas, PropertyEditors.Default, new MediaImportTarget(new FileSystemMediaStore(MediaRoot)), new ContentOptions(), Clock);

    public USyncExporter Exporter(ArchiveDbContext db) => new(db, new MediaImportTarget(new FileSystemMediaStore(MediaRoot)));

    /// Imports a uSync folder with a fresh context and returns the report.
    public async Task<ImportReport> ImportAsync(string folder, bool content = true, string? mediaFolder = null)
    {
        await using var db = database.NewContext();
        return await Importer(db).ImportAsync(USyncFolderReader.Read(folder), new USyncImportOptions { Content = content, MediaFolder = mediaFolder }, "test");
    }

    public async Task<T> WithContentAsync<T>(Func<ContentService, Task<T>> action)
    {
        await using var db = database.NewContext();
        return await action(Content(db));
    }
}
