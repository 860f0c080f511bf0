using System.Text;
using Archive.Data.Entities;
using Archive.Engine.Schema;

namespace Archive.Web.Management;

/// Umbraco's request and response shapes for document and media types, and their mapping to the
/// engine's content types.
public sealed record PropertyTypeValidationModel(bool Mandatory, string? MandatoryMessage, string? RegEx, string? RegExMessage);

public sealed record PropertyTypeAppearanceModel(bool LabelOnTop);

public sealed record PropertyTypeRequestModel(Guid Id, ReferenceByIdModel? Container, int SortOrder, string? Alias, string? Name, string? Description,
    ReferenceByIdModel? DataType, bool VariesByCulture, bool VariesBySegment, PropertyTypeValidationModel? Validation, PropertyTypeAppearanceModel? Appearance,
    bool? IsSensitive);

public sealed record PropertyTypeContainerModel(Guid Id, ReferenceByIdModel? Parent, string? Name, string Type, int SortOrder);

public sealed record DocumentTypeSortModel(ReferenceByIdModel DocumentType, int SortOrder);

public sealed record DocumentTypeCompositionModel(ReferenceByIdModel DocumentType, string CompositionType);

public sealed record MediaTypeSortModel(ReferenceByIdModel MediaType, int SortOrder);

public sealed record MediaTypeCompositionModel(ReferenceByIdModel MediaType, string CompositionType);

public sealed record DocumentTypeCleanupModel(bool PreventCleanup, int? KeepAllVersionsNewerThanDays, int? KeepLatestVersionPerDayForDays);

public sealed record CreateDocumentTypeRequestModel(string? Alias, string? Name, string? Description, string? Icon, bool AllowedAsRoot, bool VariesByCulture, bool VariesBySegment,
    ReferenceByIdModel? Collection, bool IsElement, IReadOnlyList<PropertyTypeRequestModel>? Properties, IReadOnlyList<PropertyTypeContainerModel>? Containers,
    Guid? Id, ReferenceByIdModel? Parent, IReadOnlyList<ReferenceByIdModel>? AllowedTemplates, ReferenceByIdModel? DefaultTemplate, DocumentTypeCleanupModel? Cleanup,
    IReadOnlyList<DocumentTypeSortModel>? AllowedDocumentTypes, IReadOnlyList<DocumentTypeCompositionModel>? Compositions)
{
    internal ContentTypeRequest ToCommon() => new(Alias, Name, Description, Icon, AllowedAsRoot, VariesByCulture, VariesBySegment, Collection, IsElement, Properties ?? [],
        Containers ?? [], Id, Parent, AllowedTemplates ?? [], DefaultTemplate, Cleanup,
        (AllowedDocumentTypes ?? []).Select(a => (a.DocumentType.Id, a.SortOrder)).ToList(), (Compositions ?? []).Select(c => (c.DocumentType.Id, c.CompositionType)).ToList());
}

public sealed record CreateMediaTypeRequestModel(string? Alias, string? Name, string? Description, string? Icon, bool AllowedAsRoot, bool VariesByCulture, bool VariesBySegment,
    ReferenceByIdModel? Collection, bool IsElement, IReadOnlyList<PropertyTypeRequestModel>? Properties, IReadOnlyList<PropertyTypeContainerModel>? Containers,
    Guid? Id, ReferenceByIdModel? Parent, IReadOnlyList<MediaTypeSortModel>? AllowedMediaTypes, IReadOnlyList<MediaTypeCompositionModel>? Compositions)
{
    internal ContentTypeRequest ToCommon() => new(Alias, Name, Description, Icon, AllowedAsRoot, VariesByCulture, VariesBySegment, Collection, IsElement, Properties ?? [],
        Containers ?? [], Id, Parent, [], null, null,
        (AllowedMediaTypes ?? []).Select(a => (a.MediaType.Id, a.SortOrder)).ToList(), (Compositions ?? []).Select(c => (c.MediaType.Id, c.CompositionType)).ToList());
}

public sealed record UpdateDocumentTypeRequestModel(string? Alias, string? Name, string? Description, string? Icon, bool AllowedAsRoot, bool VariesByCulture,
    bool VariesBySegment, ReferenceByIdModel? Collection, bool IsElement, IReadOnlyList<PropertyTypeRequestModel>? Properties, IReadOnlyList<PropertyTypeContainerModel>? Containers,
    IReadOnlyList<ReferenceByIdModel>? AllowedTemplates, ReferenceByIdModel? DefaultTemplate, DocumentTypeCleanupModel? Cleanup,
    IReadOnlyList<DocumentTypeSortModel>? AllowedDocumentTypes, IReadOnlyList<DocumentTypeCompositionModel>? Compositions)
{
    internal ContentTypeRequest ToCommon() => new CreateDocumentTypeRequestModel(Alias, Name, Description, Icon, AllowedAsRoot, VariesByCulture, VariesBySegment, Collection,
        IsElement, Properties, Containers, null, null, AllowedTemplates, DefaultTemplate, Cleanup, AllowedDocumentTypes, Compositions).ToCommon();
}

public sealed record UpdateMediaTypeRequestModel(string? Alias, string? Name, string? Description, string? Icon, bool AllowedAsRoot, bool VariesByCulture,
    bool VariesBySegment, ReferenceByIdModel? Collection, bool IsElement, IReadOnlyList<PropertyTypeRequestModel>? Properties, IReadOnlyList<PropertyTypeContainerModel>? Containers,
    IReadOnlyList<MediaTypeSortModel>? AllowedMediaTypes, IReadOnlyList<MediaTypeCompositionModel>? Compositions)
{
    internal ContentTypeRequest ToCommon() => new CreateMediaTypeRequestModel(Alias, Name, Description, Icon, AllowedAsRoot, VariesByCulture, VariesBySegment, Collection,
        IsElement, Properties, Containers, null, null, AllowedMediaTypes, Compositions).ToCommon();
}

internal sealed record ContentTypeRequest(string? Alias, string? Name, string? Description, string? Icon, bool AllowedAsRoot, bool VariesByCulture, bool VariesBySegment,
    ReferenceByIdModel? Collection, bool IsElement, IReadOnlyList<PropertyTypeRequestModel> Properties, IReadOnlyList<PropertyTypeContainerModel> Containers,
    Guid? Id, ReferenceByIdModel? Parent, IReadOnlyList<ReferenceByIdModel> AllowedTemplates, ReferenceByIdModel? DefaultTemplate, DocumentTypeCleanupModel? Cleanup,
    IReadOnlyList<(Guid Id, int SortOrder)> Allowed, IReadOnlyList<(Guid Id, string Type)> Compositions);

internal static class ContentTypeModels
{
    public static (ContentType? Type, IResult? Problem) ToContentType(ContentTypeRequest body, Guid key, ContentTypeKind kind, SchemaSnapshot schema,
        IReadOnlyList<SchemaItemEntity> templates)
    {
        if (body.VariesBySegment || body.Properties.Any(p => p.VariesBySegment))
            return (null, ManagementRequests.Invalid("variesBySegment", "Segments are not used in this archive."));
        var templateAliases = templates.ToDictionary(t => t.Key, t => t.Alias["Template:".Length..]);
        for (var i = 0; i < body.AllowedTemplates.Count; i++)
            if (!templateAliases.ContainsKey(body.AllowedTemplates[i].Id))
                return (null, ManagementRequests.Invalid($"$.allowedTemplates[{i}].id", $"No template with id {body.AllowedTemplates[i].Id}."));
        if (body.DefaultTemplate is { } chosen && !templateAliases.ContainsKey(chosen.Id))
            return (null, ManagementRequests.Invalid("$.defaultTemplate.id", $"No template with id {chosen.Id}."));
        for (var i = 0; i < body.Compositions.Count; i++)
            if (body.Compositions[i].Type is not ("Composition" or "Inheritance"))
                return (null, ManagementRequests.Invalid($"$.compositions[{i}].compositionType", "compositionType is Composition or Inheritance."));

        var existing = schema.FindType(key);
        var groups = Groups(body.Containers, existing);
        var byContainer = body.Containers.Select((c, i) => (c.Id, groups[i].Alias)).ToDictionary(c => c.Id, c => c.Alias);
        var properties = body.Properties.Select(p =>
        {
            var before = existing?.Properties.FirstOrDefault(e => e.Key == p.Id) ?? existing?.Properties.FirstOrDefault(e => e.Alias.Equals(p.Alias, StringComparison.OrdinalIgnoreCase));
            var dataType = p.DataType is { } d ? schema.FindDataType(d.Id) : null;
            return new PropertyType(p.Id == Guid.Empty ? Guid.NewGuid() : p.Id, p.Alias ?? "", p.Name ?? "", p.DataType?.Id, dataType?.EditorAlias ?? "",
                p.Validation?.Mandatory ?? false, p.Validation?.RegEx is { Length: > 0 } regex ? regex : null, p.Description, p.SortOrder,
                p.Container is { } container ? byContainer.GetValueOrDefault(container.Id, "#unknown-" + container.Id) : null,
                p.VariesByCulture ? Variation.Culture : Variation.Nothing, p.Validation?.MandatoryMessage, p.Validation?.RegExMessage, p.Appearance?.LabelOnTop ?? false,
                p.IsSensitive ?? before?.IsSensitive ?? false);
        }).ToList();

        string Alias(Guid id) => schema.FindType(id)?.Alias ?? "";
        return (new ContentType
        {
            Key = key,
            Alias = body.Alias ?? "",
            Name = body.Name ?? "",
            Kind = kind,
            Icon = string.IsNullOrWhiteSpace(body.Icon) ? existing?.Icon ?? "icon-document" : body.Icon,
            Thumbnail = existing?.Thumbnail ?? "folder.png",
            Description = body.Description,
            AllowAtRoot = body.AllowedAsRoot,
            ListView = body.Collection?.Id,
            Variations = body.VariesByCulture ? Variation.Culture : Variation.Nothing,
            IsElement = body.IsElement,
            HistoryCleanup = body.Cleanup is { } c
                ? new HistoryCleanup(c.PreventCleanup, c.KeepAllVersionsNewerThanDays?.ToString() ?? "", c.KeepLatestVersionPerDayForDays?.ToString() ?? "")
                : existing?.HistoryCleanup ?? new HistoryCleanup(),
            Folder = existing?.Folder,
            Compositions = body.Compositions.Select(c => new ContentTypeReference(c.Id, Alias(c.Id))).ToList(),
            AllowedChildren = body.Allowed.Select(a => new ContentTypeReference(a.Id, a.Id == key ? body.Alias ?? "" : Alias(a.Id), a.SortOrder)).ToList(),
            DefaultTemplate = body.DefaultTemplate is { } t ? templateAliases[t.Id] : null,
            AllowedTemplates = body.AllowedTemplates.Select(t => new ContentTypeReference(t.Id, templateAliases[t.Id])).ToList(),
            Properties = properties,
            Groups = groups,
        }, null);
    }

    /// Containers as uSync groups: an existing container keeps its alias; a new one takes its name
    /// in camel case, under its parent's alias ("tab/group") when it has a parent.
    private static List<PropertyGroup> Groups(IReadOnlyList<PropertyTypeContainerModel> containers, ContentType? existing)
    {
        var aliases = new Dictionary<Guid, string>();
        string AliasOf(PropertyTypeContainerModel container, int depth)
        {
            if (aliases.TryGetValue(container.Id, out var known))
                return known;
            var own = existing?.Groups.FirstOrDefault(g => g.Key == container.Id)?.Alias.Split('/')[^1] ?? CamelCase(container.Name ?? "");
            var parent = container.Parent is { } p && depth < 5 && containers.FirstOrDefault(c => c.Id == p.Id) is { } parentContainer ? AliasOf(parentContainer, depth + 1) + "/" : "";
            return aliases[container.Id] = parent + own;
        }
        return containers.Select(c => new PropertyGroup(c.Id, AliasOf(c, 0), c.Name ?? "", c.Type, c.SortOrder)).ToList();
    }

    private static string CamelCase(string name)
    {
        var words = name.Split((char[])[' ', '-', '_', '.', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
        var alias = new StringBuilder();
        foreach (var word in words)
            alias.Append(alias.Length == 0 ? char.ToLowerInvariant(word[0]) + word[1..] : char.ToUpperInvariant(word[0]) + word[1..]);
        return alias.Length > 0 ? alias.ToString() : "group";
    }

    public static object Response(ContentType type, IReadOnlyList<SchemaItemEntity> templates)
    {
        var properties = type.Properties.Select(p => new DocumentTypePropertyTypeResponseModel(p.Key,
            type.Groups.FirstOrDefault(g => g.Alias == p.GroupAlias) is { } group ? new ReferenceByIdModel(group.Key) : null, p.SortOrder, p.Alias, p.Name, p.Description,
            new ReferenceByIdModel(p.DataTypeKey ?? Guid.Empty), p.Variations.VariesByCulture(), VariesBySegment: false,
            new PropertyTypeValidationModel(p.Mandatory, p.MandatoryMessage, p.ValidationRegex, p.ValidationRegexMessage), new PropertyTypeAppearanceModel(p.LabelOnTop),
            p.IsSensitive)).ToList();
        var containers = type.Groups.Select(g => new DocumentTypePropertyTypeContainerResponseModel(g.Key,
            g.Alias.Contains('/') && type.Groups.FirstOrDefault(o => o.Alias == g.Alias[..g.Alias.LastIndexOf('/')]) is { } parent ? new ReferenceByIdModel(parent.Key) : null,
            g.Caption, g.Type, g.SortOrder)).ToList();
        var collection = type.ListView is { } listView ? new ReferenceByIdModel(listView) : null;
        if (type.Kind == ContentTypeKind.Media)
            return new MediaTypeResponseModel(type.Alias, type.Name, type.Description, type.Icon, type.AllowAtRoot, type.VariesByCulture, false, collection, type.IsElement,
                properties, containers, type.Key,
                type.AllowedChildren.Select(c => new MediaTypeSortModel(new ReferenceByIdModel(c.Key), c.SortOrder)).ToList(),
                type.Compositions.Select(c => new MediaTypeCompositionModel(new ReferenceByIdModel(c.Key), "Composition")).ToList());
        var templateKeys = templates.ToDictionary(t => t.Alias["Template:".Length..], t => t.Key, StringComparer.OrdinalIgnoreCase);
        return new DocumentTypeResponseModel(type.Alias, type.Name, type.Description, type.Icon, type.AllowAtRoot, type.VariesByCulture, false, collection, type.IsElement,
            properties, containers, type.Key,
            type.AllowedTemplates.Select(t => new ReferenceByIdModel(t.Key)).ToList(),
            type.DefaultTemplate is { } alias && templateKeys.TryGetValue(alias, out var templateKey) ? new ReferenceByIdModel(templateKey) : null,
            new DocumentTypeCleanupModel(type.HistoryCleanup.PreventCleanup, int.TryParse(type.HistoryCleanup.KeepAllVersionsNewerThanDays, out var all) ? all : null,
                int.TryParse(type.HistoryCleanup.KeepLatestVersionPerDayForDays, out var latest) ? latest : null),
            type.AllowedChildren.Select(c => new DocumentTypeSortModel(new ReferenceByIdModel(c.Key), c.SortOrder)).ToList(),
            type.Compositions.Select(c => new DocumentTypeCompositionModel(new ReferenceByIdModel(c.Key), "Composition")).ToList());
    }
}

public sealed record DocumentTypePropertyTypeResponseModel(Guid Id, ReferenceByIdModel? Container, int SortOrder, string Alias, string Name, string? Description,
    ReferenceByIdModel DataType, bool VariesByCulture, bool VariesBySegment, PropertyTypeValidationModel Validation, PropertyTypeAppearanceModel Appearance, bool IsSensitive);

public sealed record DocumentTypePropertyTypeContainerResponseModel(Guid Id, ReferenceByIdModel? Parent, string Name, string Type, int SortOrder);

public sealed record DocumentTypeResponseModel(string Alias, string Name, string? Description, string Icon, bool AllowedAsRoot, bool VariesByCulture, bool VariesBySegment,
    ReferenceByIdModel? Collection, bool IsElement, IReadOnlyList<DocumentTypePropertyTypeResponseModel> Properties,
    IReadOnlyList<DocumentTypePropertyTypeContainerResponseModel> Containers, Guid Id, IReadOnlyList<ReferenceByIdModel> AllowedTemplates, ReferenceByIdModel? DefaultTemplate,
    DocumentTypeCleanupModel Cleanup, IReadOnlyList<DocumentTypeSortModel> AllowedDocumentTypes, IReadOnlyList<DocumentTypeCompositionModel> Compositions);

public sealed record MediaTypeResponseModel(string Alias, string Name, string? Description, string Icon, bool AllowedAsRoot, bool VariesByCulture, bool VariesBySegment,
    ReferenceByIdModel? Collection, bool IsElement, IReadOnlyList<DocumentTypePropertyTypeResponseModel> Properties,
    IReadOnlyList<DocumentTypePropertyTypeContainerResponseModel> Containers, Guid Id, IReadOnlyList<MediaTypeSortModel> AllowedMediaTypes,
    IReadOnlyList<MediaTypeCompositionModel> Compositions);
