namespace Cutroom.FFmpeg.Graph;

/// <summary>
/// A linear chain of one-in, one-out filters for a simple <c>-vf</c>/<c>-af</c> option
/// (<c>scale=...,select=...</c>), printed with the same escaping as <see cref="FilterGraph"/>.
/// </summary>
public sealed record FilterChain(IReadOnlyList<Filter> Filters)
{
    /// <summary>Builds a chain from filters, in order.</summary>
    public static FilterChain Of(params Filter[] filters) => new(filters);

    /// <summary>Returns a chain with <paramref name="filter"/> appended.</summary>
    public FilterChain Then(Filter filter) => new([.. Filters, filter]);

    /// <inheritdoc/>
    public override string ToString() => Filters.Count == 0 ? "null" : string.Join(',', Filters.Select(f => f.ToString()));
}
