using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Schema;

namespace Archive.Web.Management;

/// Read access to document types and data types, in Umbraco's routes and shapes; they change through uSync files.
public static class SchemaEndpoints
{
    public static void MapSchema(this RouteGroupBuilder api)
    {
        api.MapGet("document-type/{id:guid}", DocumentType).WithName("GetDocumentTypeById").WithTags("Document Type");
        api.MapGet("data-type/{id:guid}", DataType).WithName("GetDataTypeById").WithTags("Data Type");
    }

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
}
