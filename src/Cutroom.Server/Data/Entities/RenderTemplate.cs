namespace Cutroom.Server.Data.Entities;

/// <summary>A saved draft with merge fields (<c>{{title}}</c>, <c>{{photo1}}</c>) in its strings, rendered with values by <c>POST /v1/renders</c>.</summary>
public sealed class RenderTemplate
{
    /// <summary>Server-made id (<c>tpl_…</c>).</summary>
    public required string Id { get; set; }

    /// <summary>The owner.</summary>
    public required string AccountId { get; set; }

    /// <summary>Its name (1-128 characters).</summary>
    public required string Name { get; set; }

    /// <summary>The draft as posted (JSON, with its placeholders).</summary>
    public required string DraftJson { get; set; }

    /// <summary>The merge fields' names, as a JSON array in order of first use.</summary>
    public required string Fields { get; set; }

    /// <summary>Saved at (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
