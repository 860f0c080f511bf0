using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Archive.Integration.Tests.Content;

/// The content store's contract, run once per database provider.
public abstract class ContentStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly Dictionary<string, string> ThreeNames = new() { ["kk"] = "Домбыра", ["ru"] = "Домбра", ["en"] = "Dombra" };

    protected readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private ArchiveServices _archive = null!;

    public async Task InitializeAsync()
    {
        _archive = new ArchiveServices(database, Clock);
        await _archive.ImportAsync(Paths.ArchiveUSync, content: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<OperationResult> Do(Func<ContentService, Task<OperationResult>> action) => _archive.WithContentAsync(action);

    private async Task<Guid> CreateInstitutionAsync(string name = "Test museum")
    {
        var result = await Do(c => c.CreateAsync(null, "institution", new ContentEdit
        {
            Names = new Dictionary<string, string> { ["kk"] = name + " kk", ["ru"] = name + " ru", ["en"] = name },
            Values = [new ValueEdit("institutionKind", null, new JsonArray("museum"))],
        }, "curator"));
        Assert.True(result.Succeeded, result.ToString());
        await Do(c => c.PublishAsync(result.Key!.Value, ["*"], "curator"));
        return result.Key!.Value;
    }

    private static ContentEdit Artefact(string accession, Dictionary<string, string>? names = null, params ValueEdit[] more) => new()
    {
        Names = names ?? ThreeNames,
        Values =
        [
            new ValueEdit("accessionNumber", null, accession),
            .. (names ?? ThreeNames).Select(n => new ValueEdit("title", n.Key, n.Value)),
            .. more,
        ],
    };

    [SkippableFact]
    public async Task An_artefact_is_created_saved_and_published_in_three_cultures()
    {
        var institution = await CreateInstitutionAsync();
        var created = await Do(c => c.CreateAsync(institution, "artefact", Artefact("T-001", null,
            new ValueEdit("dating", null, "c. 1840"),
            new ValueEdit("description", "ru", "<p data-udi=\"x\">Описание <strong>домбры</strong></p>"),
            new ValueEdit("tags", null, new JsonArray("music", "sample"))), "curator"));
        Assert.True(created.Succeeded, created.ToString());

        var published = await Do(c => c.PublishAsync(created.Key!.Value, ["kk", "ru", "en"], "curator"));
        Assert.True(published.Succeeded, published.ToString());

        await using var db = database.NewContext();
        var node = await db.Nodes.SingleAsync(n => n.Key == created.Key);
        var cultures = await db.NodeCultures.Where(c => c.NodeId == node.Id).OrderBy(c => c.Culture).ToListAsync();
        Assert.Equal(["en", "kk", "ru"], cultures.Select(c => c.Culture));
        Assert.All(cultures, c => Assert.True(c.Published));
        Assert.Equal("dombyra", cultures.Single(c => c.Culture == "kk").UrlSegment);
        var snapshot = ContentData.FromJson((await db.NodeVersions.SingleAsync(v => v.NodeId == node.Id && v.IsPublished)).Data);
        Assert.Contains("\"earliest\": 1835", snapshot.GetValue("dating"));
        Assert.Contains("data-udi=\"x\"", Archive.Engine.Editors.RichTextEditor.MarkupOf(snapshot.GetValue("description", "ru")!));
        Assert.Equal(2, await db.NodeVersions.CountAsync(v => v.NodeId == node.Id));
    }

    [SkippableFact]
    public async Task Unknown_cultures_and_invalid_values_are_refused_by_field_and_nothing_changes()
    {
        var institution = await CreateInstitutionAsync();
        var created = await Do(c => c.CreateAsync(institution, "artefact", Artefact("T-002"), "curator"));
        var before = await ReadDraftAsync(created.Key!.Value);

        var result = await Do(c => c.SaveAsync(created.Key!.Value, new ContentEdit
        {
            Names = new Dictionary<string, string> { ["xx"] = "Nope" },
            Values =
            [
                new ValueEdit("title", "zz", "Title"),
                new ValueEdit("dating", null, "whenever"),
                new ValueEdit("valuation", null, "a lot"),
                new ValueEdit("accessionNumber", "ru", "T-9"),
                new ValueEdit("noSuchProperty", null, "x"),
            ],
        }, "curator"));

        Assert.Equal(OperationStatus.ValidationFailed, result.Status);
        Assert.Contains(result.Problems, p => p.Path == "$.names[xx]" && p.Culture == "xx");
        Assert.Contains(result.Problems, p => p.Path == "$.values[0].culture" && p.Culture == "zz");
        Assert.Contains(result.Problems, p => p.Path == "$.values[1].value" && p.Message.Contains("whenever"));
        Assert.Contains(result.Problems, p => p.Path == "$.values[2].value");
        Assert.Contains(result.Problems, p => p.Path == "$.values[3].culture");
        Assert.Contains(result.Problems, p => p.Path == "$.values[4].alias");
        Assert.Equal(before.ToJson(), (await ReadDraftAsync(created.Key!.Value)).ToJson());
    }

    [SkippableFact]
    public async Task Script_in_rich_text_is_refused_while_editor_markup_is_kept()
    {
        var institution = await CreateInstitutionAsync();
        var created = await Do(c => c.CreateAsync(institution, "artefact", Artefact("T-003"), "curator"));
        var script = await Do(c => c.SaveAsync(created.Key!.Value, new ContentEdit
        {
            Values = [new ValueEdit("description", "en", "<p onclick=\"steal()\">Hi</p><script>alert(1)</script>")],
        }, "curator"));
        Assert.Equal(OperationStatus.ValidationFailed, script.Status);
        var problem = Assert.Single(script.Problems);
        Assert.Equal("$.values[0].value.markup", problem.Path);
        Assert.Equal("en", problem.Culture);

        var markup = await Do(c => c.SaveAsync(created.Key!.Value, new ContentEdit
        {
            Values = [new ValueEdit("description", "en", "<p class=\"lead\" data-anchor=\"a1\"><a href=\"/{localLink:umb://document/00000000000000000000000000000001}\" title=\"t\">link</a></p><umb-rte-block data-content-key=\"5f7c1b1e-3c55-4a27-9a25-0d7d1c1d1a11\"></umb-rte-block>")],
        }, "curator"));
        Assert.True(markup.Succeeded, markup.ToString());
        var stored = (await ReadDraftAsync(created.Key!.Value)).GetValue("description", "en")!;
        Assert.Contains("data-anchor", stored);
        Assert.Contains("umb-rte-block", stored);
        Assert.Contains("localLink", stored);
    }

    [SkippableFact]
    public async Task A_child_type_not_allowed_under_its_parent_is_refused()
    {
        var institution = await CreateInstitutionAsync();
        var result = await Do(c => c.CreateAsync(institution, "venue", new ContentEdit { Names = ThreeNames }, "curator"));
        Assert.Equal(OperationStatus.NotAllowed, result.Status);
        Assert.Contains("not allowed under 'institution'", result.Problems[0].Message);

        var atRoot = await Do(c => c.CreateAsync(null, "artefact", Artefact("T-004"), "curator"));
        Assert.Equal(OperationStatus.NotAllowed, atRoot.Status);
        var element = await Do(c => c.CreateAsync(null, "quoteBlock", new ContentEdit { Names = new Dictionary<string, string> { [""] = "q" } }, "curator"));
        Assert.Equal(OperationStatus.NotAllowed, element.Status);
    }

    [SkippableFact]
    public async Task Moving_a_node_under_its_own_descendant_is_refused()
    {
        var institution = await CreateInstitutionAsync();
        var outer = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = ThreeNames }, "curator"));
        var inner = await Do(c => c.CreateAsync(outer.Key, "collection", new ContentEdit { Names = ThreeNames }, "curator"));

        var cycle = await Do(c => c.MoveAsync(outer.Key!.Value, inner.Key, "curator"));
        Assert.Equal(OperationStatus.NotAllowed, cycle.Status);
        var self = await Do(c => c.MoveAsync(outer.Key!.Value, outer.Key, "curator"));
        Assert.Equal(OperationStatus.NotAllowed, self.Status);

        var other = await CreateInstitutionAsync("Other");
        var moved = await Do(c => c.MoveAsync(outer.Key!.Value, other, "curator"));
        Assert.True(moved.Succeeded, moved.ToString());
        await using var db = database.NewContext();
        var otherNode = await db.Nodes.SingleAsync(n => n.Key == other);
        var innerNode = await db.Nodes.SingleAsync(n => n.Key == inner.Key);
        Assert.StartsWith(otherNode.Path + ",", innerNode.Path);
        Assert.Equal(3, innerNode.Level);
    }

    [SkippableFact]
    public async Task An_accession_number_is_unique_within_an_institution_only()
    {
        var first = await CreateInstitutionAsync("First");
        var second = await CreateInstitutionAsync("Second");
        Assert.True((await Do(c => c.CreateAsync(first, "artefact", Artefact("INV-1"), "curator"))).Succeeded);

        var clash = await Do(c => c.CreateAsync(first, "artefact", Artefact("inv-1"), "curator"));
        Assert.Equal(OperationStatus.DuplicateValue, clash.Status);
        Assert.Equal("$.values[accessionNumber]", clash.Problems[0].Path);

        Assert.True((await Do(c => c.CreateAsync(second, "artefact", Artefact("INV-1"), "curator"))).Succeeded);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Nodes.CountAsync(n => db.Nodes.Any(p => p.Key == first && n.ParentId == p.Id)));
    }

    [SkippableFact]
    public async Task A_collection_moved_to_another_institution_takes_its_accession_numbers_along()
    {
        var first = await CreateInstitutionAsync("Lender");
        var second = await CreateInstitutionAsync("Borrower");
        var collection = await Do(c => c.CreateAsync(first, "collection", new ContentEdit { Names = ThreeNames }, "curator"));
        var mine = await Do(c => c.CreateAsync(collection.Key, "artefact", Artefact("MOV-1"), "curator"));
        Assert.True(mine.Succeeded, mine.ToString());
        var theirs = await Do(c => c.CreateAsync(second, "artefact", Artefact("MOV-2"), "curator"));
        Assert.True(theirs.Succeeded, theirs.ToString());

        // The number the other institution uses stops the move, naming the object and the holder; nothing moves.
        Assert.True((await Do(c => c.SaveAsync(mine.Key!.Value, new ContentEdit { Values = [new ValueEdit("accessionNumber", null, "mov-2")] }, "curator"))).Succeeded);
        var refused = await Do(c => c.MoveAsync(collection.Key!.Value, second, "curator"));
        Assert.Equal(OperationStatus.DuplicateValue, refused.Status);
        Assert.Equal("$.target", refused.Problems[0].Path);
        Assert.Contains("'mov-2'", refused.Problems[0].Message);
        Assert.Contains(mine.Key!.Value.ToString(), refused.Problems[0].Message);
        Assert.Contains(theirs.Key!.Value.ToString(), refused.Problems[0].Message);
        await using (var db = database.NewContext())
            Assert.Equal(first, await db.Nodes.Where(n => n.Key == collection.Key).Select(n => db.Nodes.First(p => p.Id == n.ParentId).Key).SingleAsync());

        // Renumbered, it moves: the new institution knows its number, the old one is free of it.
        Assert.True((await Do(c => c.SaveAsync(mine.Key!.Value, new ContentEdit { Values = [new ValueEdit("accessionNumber", null, "MOV-1")] }, "curator"))).Succeeded);
        Assert.True((await Do(c => c.MoveAsync(collection.Key!.Value, second, "curator"))).Succeeded);
        var clash = await Do(c => c.CreateAsync(second, "artefact", Artefact("mov-1"), "curator"));
        Assert.Equal(OperationStatus.DuplicateValue, clash.Status);
        Assert.Contains(mine.Key!.Value.ToString(), clash.Problems[0].Message);
        Assert.True((await Do(c => c.CreateAsync(first, "artefact", Artefact("MOV-1"), "curator"))).Succeeded);

        // Back to the recycle bin and restored under the lender, where MOV-1 is now taken: refused, and it stays in the bin.
        Assert.True((await Do(c => c.TrashAsync(collection.Key!.Value, "curator"))).Succeeded);
        var restore = await Do(c => c.RestoreAsync(collection.Key!.Value, first, "curator"));
        Assert.Equal(OperationStatus.DuplicateValue, restore.Status);
        await using (var db = database.NewContext())
            Assert.True(await db.Nodes.Where(n => n.Key == collection.Key).Select(n => n.Trashed).SingleAsync());
    }

    [SkippableFact]
    public async Task A_stale_revision_is_a_conflict_and_the_newer_edit_survives()
    {
        var institution = await CreateInstitutionAsync();
        var created = await Do(c => c.CreateAsync(institution, "artefact", Artefact("T-005"), "curator"));
        var revision = created.Revision!.Value;

        var first = await Do(c => c.SaveAsync(created.Key!.Value, new ContentEdit { Values = [new ValueEdit("dimensions", "en", "10 cm")] }, "alice", revision));
        Assert.True(first.Succeeded);
        var second = await Do(c => c.SaveAsync(created.Key!.Value, new ContentEdit { Values = [new ValueEdit("dimensions", "en", "20 cm")] }, "bob", revision));
        Assert.Equal(OperationStatus.ConcurrencyConflict, second.Status);
        Assert.Equal(first.Revision, second.Revision);
        Assert.Equal("10 cm", (await ReadDraftAsync(created.Key!.Value)).GetValue("dimensions", "en"));
    }

    [SkippableFact]
    public async Task Two_contexts_saving_at_once_cannot_both_win()
    {
        var institution = await CreateInstitutionAsync();
        var created = await Do(c => c.CreateAsync(institution, "artefact", Artefact("T-006"), "curator"));
        await using var a = database.NewContext();
        await using var b = database.NewContext();
        // Both load the node before either writes: the row version decides.
        var nodeA = await a.Nodes.SingleAsync(n => n.Key == created.Key);
        var nodeB = await b.Nodes.SingleAsync(n => n.Key == created.Key);
        nodeA.Revision++;
        nodeB.Revision++;
        await a.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task Versions_can_be_listed_compared_and_rolled_back()
    {
        var institution = await CreateInstitutionAsync();
        var created = await Do(c => c.CreateAsync(institution, "artefact", Artefact("T-007"), "curator"));
        var key = created.Key!.Value;
        await Do(c => c.SaveAsync(key, new ContentEdit { Values = [new ValueEdit("dimensions", "en", "1 m")] }, "curator"));
        await Do(c => c.SaveAsync(key, new ContentEdit { Values = [new ValueEdit("dimensions", "en", "2 m")] }, "curator"));

        var versions = await _archive.WithContentAsync(c => c.ListVersionsAsync(key));
        Assert.Equal([3, 2, 1], versions!.Select(v => v.Number));
        var diff = await _archive.WithContentAsync(c => c.CompareVersionsAsync(key, versions![1].Id, versions[0].Id));
        var change = Assert.Single(diff!);
        Assert.Equal(("dimensions", "en", "1 m", "2 m"), (change.Field, change.Culture, change.Before, change.After));

        var rolledBack = await Do(c => c.RollbackAsync(key, versions![1].Id, "curator"));
        Assert.True(rolledBack.Succeeded);
        Assert.Equal("1 m", (await ReadDraftAsync(key)).GetValue("dimensions", "en"));

        var otherArtefact = await Do(c => c.CreateAsync(institution, "artefact", Artefact("T-008"), "curator"));
        var foreign = await Do(c => c.RollbackAsync(otherArtefact.Key!.Value, versions![1].Id, "curator"));
        Assert.Equal(OperationStatus.NotFound, foreign.Status);

        await using var db = database.NewContext();
        Assert.Contains(await db.Audit.Where(a => a.EntityKey == key).Select(a => a.Action).ToListAsync(), a => a == "Rollback");
    }

    [SkippableFact]
    public async Task Trash_restore_and_delete_keep_the_tree_consistent()
    {
        var institution = await CreateInstitutionAsync();
        var collection = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = ThreeNames }, "curator"));
        var artefact = await Do(c => c.CreateAsync(collection.Key, "artefact", Artefact("T-009"), "curator"));

        Assert.Equal(OperationStatus.NotAllowed, (await Do(c => c.DeleteAsync(collection.Key!.Value, "curator"))).Status);
        Assert.True((await Do(c => c.TrashAsync(collection.Key!.Value, "curator"))).Succeeded);
        await using (var db = database.NewContext())
            Assert.True((await db.Nodes.SingleAsync(n => n.Key == artefact.Key)).Trashed);
        Assert.Equal(OperationStatus.NotAllowed, (await Do(c => c.SaveAsync(artefact.Key!.Value, new ContentEdit { Names = ThreeNames }, "curator"))).Status);

        Assert.True((await Do(c => c.RestoreAsync(collection.Key!.Value, null, "curator"))).Succeeded);
        await using (var db = database.NewContext())
            Assert.False((await db.Nodes.SingleAsync(n => n.Key == artefact.Key)).Trashed);

        await Do(c => c.TrashAsync(collection.Key!.Value, "curator"));
        Assert.True((await Do(c => c.DeleteAsync(collection.Key!.Value, "curator"))).Succeeded);
        await using (var db = database.NewContext())
        {
            Assert.False(await db.Nodes.AnyAsync(n => n.Key == artefact.Key || n.Key == collection.Key));
            Assert.False(await db.UniqueValues.AnyAsync(u => u.Value == "T-009"));
            Assert.Contains(await db.ChangeLog.Where(c => c.Key == collection.Key).Select(c => c.Change).ToListAsync(), c => c == ChangeTypes.Deleted);
        }
    }

    [SkippableFact]
    public async Task Publishing_needs_mandatory_values_and_a_published_parent()
    {
        var institution = await CreateInstitutionAsync();
        var collection = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = ThreeNames }, "curator"));
        var artefact = await Do(c => c.CreateAsync(collection.Key, "artefact", new ContentEdit
        {
            Names = ThreeNames,
            Values = [new ValueEdit("accessionNumber", null, "T-010"), new ValueEdit("title", "kk", "Тек қазақша")],
        }, "curator"));

        var missing = await Do(c => c.PublishAsync(artefact.Key!.Value, ["ru"], "curator"));
        Assert.Equal(OperationStatus.ValidationFailed, missing.Status);
        Assert.Contains(missing.Problems, p => p.Path == "$.values[title]" && p.Culture == "ru");

        var parent = await Do(c => c.PublishAsync(artefact.Key!.Value, ["kk"], "curator"));
        Assert.Equal(OperationStatus.ParentNotPublished, parent.Status);

        Assert.True((await Do(c => c.PublishAsync(collection.Key!.Value, ["kk"], "curator"))).Succeeded);
        Assert.True((await Do(c => c.PublishAsync(artefact.Key!.Value, ["kk"], "curator"))).Succeeded);

        var unknown = await Do(c => c.PublishAsync(artefact.Key!.Value, ["xx-YY"], "curator"));
        Assert.Equal(OperationStatus.CultureNotAllowed, unknown.Status);

        Assert.True((await Do(c => c.UnpublishAsync(artefact.Key!.Value, ["kk"], "curator"))).Succeeded);
        await using var db = database.NewContext();
        var node = await db.Nodes.SingleAsync(n => n.Key == artefact.Key);
        Assert.False(await db.NodeCultures.AnyAsync(c => c.NodeId == node.Id && c.Published));
    }

    [SkippableFact]
    public async Task Regional_culture_tags_resolve_to_the_neutral_culture()
    {
        var institution = await CreateInstitutionAsync();
        var created = await Do(c => c.CreateAsync(institution, "artefact", new ContentEdit
        {
            Names = new Dictionary<string, string> { ["kk-KZ"] = "Кітап", ["ru-RU"] = "Книга" },
            Values = [new ValueEdit("accessionNumber", null, "T-011"), new ValueEdit("title", "ru-RU", "Книга")],
        }, "curator"));
        Assert.True(created.Succeeded, created.ToString());
        var data = await ReadDraftAsync(created.Key!.Value);
        Assert.Equal("Кітап", data.Names["kk"]);
        Assert.Equal("Книга", data.GetValue("title", "ru"));
    }

    [SkippableFact]
    public async Task Sibling_segments_get_a_number_when_names_clash()
    {
        var institution = await CreateInstitutionAsync();
        var names = new Dictionary<string, string> { ["kk"] = "Абай Құнанбайұлы", ["ru"] = "Абай", ["en"] = "Abai" };
        var first = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = names }, "curator"));
        var second = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = names }, "curator"));
        await using var db = database.NewContext();
        var segments = await db.NodeCultures.Where(c => c.Culture == "kk" && db.Nodes.Any(n => n.Id == c.NodeId && (n.Key == first.Key || n.Key == second.Key)))
            .Select(c => c.UrlSegment).OrderBy(s => s).ToListAsync();
        Assert.Equal(["abai-qunanbaiuly", "abai-qunanbaiuly-2"], segments);
    }

    [SkippableFact]
    public async Task A_restored_item_gets_a_new_segment_when_a_sibling_took_its_own()
    {
        var institution = await CreateInstitutionAsync();
        var first = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = ThreeNames }, "curator"));
        await Do(c => c.TrashAsync(first.Key!.Value, "curator"));
        var second = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = ThreeNames }, "curator"));
        Assert.True((await Do(c => c.RestoreAsync(first.Key!.Value, null, "curator"))).Succeeded);

        await using var db = database.NewContext();
        var segments = await db.NodeCultures.Where(c => c.Culture == "en" && db.Nodes.Any(n => n.Id == c.NodeId && (n.Key == first.Key || n.Key == second.Key)))
            .Select(c => c.UrlSegment).OrderBy(s => s).ToListAsync();
        Assert.Equal(["dombra", "dombra-2"], segments);
    }

    [SkippableFact]
    public async Task Scheduled_publishing_runs_when_due()
    {
        var institution = await CreateInstitutionAsync();
        var collection = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = ThreeNames }, "curator"));
        var when = Clock.Now.AddHours(2).UtcDateTime;
        Assert.True((await Do(c => c.ScheduleAsync(collection.Key!.Value, "ru", ScheduleActions.Publish, when, "curator"))).Succeeded);
        Assert.Equal(OperationStatus.ValidationFailed, (await Do(c => c.ScheduleAsync(collection.Key!.Value, "ru", ScheduleActions.Publish, Clock.Now.AddHours(-1).UtcDateTime, "curator"))).Status);

        Assert.Empty(await _archive.WithContentAsync(c => c.RunDueSchedulesAsync()));
        Clock.Advance(TimeSpan.FromHours(3));
        var ran = Assert.Single(await _archive.WithContentAsync(c => c.RunDueSchedulesAsync()));
        Assert.True(ran.Succeeded, ran.ToString());
        await using var db = database.NewContext();
        var node = await db.Nodes.SingleAsync(n => n.Key == collection.Key);
        Assert.True((await db.NodeCultures.SingleAsync(c => c.NodeId == node.Id && c.Culture == "ru")).Published);
        Assert.Equal(ContentService.SchedulerActor, (await db.Audit.Where(a => a.EntityKey == collection.Key).OrderBy(a => a.Id).LastAsync()).Actor);
    }

    [SkippableFact]
    public async Task Every_change_is_in_the_change_log_and_the_audit_trail()
    {
        var institution = await CreateInstitutionAsync();
        var collection = await Do(c => c.CreateAsync(institution, "collection", new ContentEdit { Names = ThreeNames }, "alice"));
        var key = collection.Key!.Value;
        await Do(c => c.SaveAsync(key, new ContentEdit { Names = new Dictionary<string, string> { ["en"] = "Renamed" } }, "bob"));
        await Do(c => c.PublishAsync(key, null, "bob"));
        await Do(c => c.UnpublishAsync(key, null, "bob"));
        var other = await CreateInstitutionAsync("Other");
        await Do(c => c.MoveAsync(key, other, "carol"));
        await Do(c => c.TrashAsync(key, "carol"));

        await using var db = database.NewContext();
        var changes = await db.ChangeLog.Where(c => c.Key == key).OrderBy(c => c.Id).Select(c => c.Change).ToListAsync();
        Assert.Equal([ChangeTypes.Saved, ChangeTypes.Saved, ChangeTypes.Published, ChangeTypes.Unpublished, ChangeTypes.Moved, ChangeTypes.Trashed], changes);
        var audit = await db.Audit.Where(a => a.EntityKey == key).OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action }).ToListAsync();
        Assert.Equal(["alice:Create", "bob:Save", "bob:Publish", "bob:Unpublish", "carol:Move", "carol:Trash"], audit.Select(a => $"{a.Actor}:{a.Action}"));
    }

    private async Task<ContentData> ReadDraftAsync(Guid key)
    {
        await using var db = database.NewContext();
        var node = await db.Nodes.SingleAsync(n => n.Key == key);
        return ContentData.FromJson((await db.NodeVersions.SingleAsync(v => v.NodeId == node.Id && v.IsDraft)).Data);
    }
}

public sealed class SqliteContentStoreTests(SqliteTestDatabase database) : ContentStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresContentStoreTests(PostgresTestDatabase database) : ContentStoreTests<PostgresTestDatabase>(database);
