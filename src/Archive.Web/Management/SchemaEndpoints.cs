using System.Security.Claims;
using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Archive.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

/// Read access to the schema (languages, document types, data types) and the document tree (scoped to what the caller may reach), in Umbraco's routes
/// and shapes. The schema itself changes through uSync files.
public static class SchemaEndpoints
{
    public static void MapSchemaAndTree(this RouteGroupBuilder api)
    {
        api.MapGet("language", Languages).WithName("GetLanguage").WithTags("Language");
        api.MapGet("language/{isoCode}", Language).WithName("GetLanguageByIsoCode").WithTags("Language");
        api.MapGet("document-type/{id:guid}", DocumentType).WithName("GetDocumentTypeById").WithTags("Document Type");
        api.MapGet("data-type/{id:guid}", DataType).WithName("GetDataTypeById").WithTags("Data Type");
        api.MapGet("tree/document/root", Root).WithName("GetTreeDocumentRoot").WithTags("Document");
        api.MapGet("tree/document/children", Children).WithName("GetTreeDocumentChildren").WithTags("Document");
    }

    private static object LanguageModel(Archive.Engine.Cultures.Language l) =>
        new { name = l.Name, isDefault = l.IsDefault, isMandatory = l.IsMandatory, fallbackIsoCode = l.FallbackIsoCode, isoCode = l.IsoCode };

    private static async Task<IResult> Languages(ArchiveDbContext db, SchemaStore schemas, CancellationToken ct, int skip = 0, int take = 100)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var languages = (await schemas.GetAsync(db, ct)).Cultures.Languages.OrderByDescending(l => l.IsDefault).ThenBy(l => l.IsoCode).ToList();
        return Results.Ok(new { total = languages.Count, items = languages.Skip(skip).Take(take).Select(LanguageModel) });
    }

    private static async Task<IResult> Language(string isoCode, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct) =>
        (await schemas.GetAsync(db, ct)).Cultures.Languages.FirstOrDefault(l => string.Equals(l.IsoCode, isoCode, StringComparison.OrdinalIgnoreCase)) is { } language
            ? Results.Ok(LanguageModel(language))
            : ManagementRequests.Problem(404, "Not found", $"No language '{isoCode}'.");

    private static async Task<IResult> DocumentType(Guid id, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        if (schema.FindType(id) is not { Kind: ContentTypeKind.Document } type)
            return ManagementRequests.Problem(404, "Not found", $"No document type with id {id}.");
        return Results.Ok(new
        {
            alias = type.Alias,
            name = type.Name,
            description = type.Description,
            icon = type.Icon,
            allowedAsRoot = type.AllowAtRoot,
            variesByCulture = type.VariesByCulture,
            variesBySegment = false,
            isElement = type.IsElement,
            properties = schema.PropertiesOf(type).Select(p => new
            {
                id = p.Key,
                container = type.Groups.FirstOrDefault(g => g.Alias == p.GroupAlias) is { } group ? new { id = group.Key } : null,
                sortOrder = p.SortOrder,
                alias = p.Alias,
                name = p.Name,
                description = p.Description,
                dataType = new { id = p.DataTypeKey },
                variesByCulture = p.Variations.VariesByCulture(),
                variesBySegment = false,
                validation = new { mandatory = p.Mandatory, mandatoryMessage = p.MandatoryMessage, regEx = p.ValidationRegex, regExMessage = p.ValidationRegexMessage },
                appearance = new { labelOnTop = p.LabelOnTop },
                isSensitive = p.IsSensitive,
            }),
            containers = type.Groups.Select(g => new { id = g.Key, parent = (object?)null, name = g.Caption, type = g.Type, sortOrder = g.SortOrder }),
            allowedDocumentTypes = type.AllowedChildren.Select(c => new { documentType = new { id = c.Key }, sortOrder = c.SortOrder }),
            compositions = type.Compositions.Select(c => new { documentType = new { id = c.Key }, compositionType = "Composition" }),
            id = type.Key,
        });
    }

    private static async Task<IResult> DataType(Guid id, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        if ((await schemas.GetAsync(db, ct)).FindDataType(id) is not { } dataType)
            return ManagementRequests.Problem(404, "Not found", $"No data type with id {id}.");
        return Results.Ok(new
        {
            name = dataType.Name,
            editorAlias = dataType.EditorAlias,
            editorUiAlias = dataType.EditorUiAlias,
            values = dataType.Config().Select(p => new { alias = p.Key, value = p.Value }),
            id = dataType.Key,
            isDeletable = false,
            canIgnoreStartNodes = false,
        });
    }

    private static Task<IResult> Root(ClaimsPrincipal principal, ArchiveDbContext db, CancellationToken ct, int skip = 0, int take = 100) =>
        TreeAsync(null, principal, db, ct, skip, take);

    private static Task<IResult> Children(ClaimsPrincipal principal, ArchiveDbContext db, CancellationToken ct, Guid? parentId = null, int skip = 0, int take = 100) =>
        parentId is null ? Task.FromResult(ManagementRequests.Invalid("parentId", "parentId is required.")) : TreeAsync(parentId, principal, db, ct, skip, take);

    /// Tree items a caller may see: scoped roles see the branch of their grants and the path down to it.
    private static async Task<IResult> TreeAsync(Guid? parentKey, ClaimsPrincipal principal, ArchiveDbContext db, CancellationToken ct, int skip, int take)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var caller = Caller.From(principal);
        long? parentId = null;
        if (parentKey is { } key)
        {
            var parent = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && !n.IsMedia, ct);
            if (parent is null)
                return ManagementRequests.Problem(404, "Not found", $"No document with id {key}.");
            parentId = parent.Id;
        }
        var children = await db.Nodes.AsNoTracking().Where(n => !n.IsMedia && !n.Trashed && n.ParentId == parentId).OrderBy(n => n.SortOrder).ToListAsync(ct);
        var grantedIds = new HashSet<string>();
        if (caller.IsScoped)
        {
            // Granted items, their descendants, and their ancestors (to find the way to them, without access).
            var granted = await db.Nodes.AsNoTracking().Where(n => caller.Grants.Contains(n.Key)).Select(n => n.Path).ToListAsync(ct);
            grantedIds = granted.Select(p => p.Split(',')[^1]).ToHashSet();
            var onTheWay = granted.SelectMany(p => p.Split(',')).ToHashSet();
            children = children.Where(n => onTheWay.Contains(n.Id.ToString()) || n.Path.Split(',').Any(grantedIds.Contains)).ToList();
        }
        var ids = children.Select(n => n.Id).ToList();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var withChildren = (await db.Nodes.AsNoTracking().Where(n => n.ParentId != null && ids.Contains(n.ParentId.Value) && !n.Trashed).Select(n => n.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        return Results.Ok(new
        {
            total = children.Count,
            items = children.Skip(skip).Take(take).Select(n => new
            {
                hasChildren = withChildren.Contains(n.Id),
                id = n.Key,
                parent = parentKey is null ? null : new { id = parentKey },
                isTrashed = false,
                documentType = new { alias = n.ContentTypeAlias },
                variants = cultures[n.Id].OrderBy(c => c.Culture).Select(c => new
                {
                    name = c.Name,
                    culture = c.Culture.Length == 0 ? null : c.Culture,
                    state = !c.Published ? "Draft" : c.Edited ? "PublishedPendingChanges" : "Published",
                }),
                noAccess = caller.IsScoped && !n.Path.Split(',').Any(grantedIds.Contains),
            }),
        });
    }
}
