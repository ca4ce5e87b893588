namespace Cutroom.Engine.Common;

/// <summary>
/// Cutroom's folder in the user's cache, per the XDG Base Directory specification:
/// <c>$XDG_CACHE_HOME/cutroom</c>, or <c>~/.cache/cutroom</c> when the variable is unset or empty.
/// </summary>
public static class UserCache
{
    /// <summary>The folder <paramref name="name"/> under Cutroom's user cache (not created).</summary>
    /// <param name="name">The sub-folder (<c>analysis</c>, <c>render</c>).</param>
    public static string Folder(string name)
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x
            ? x : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "cutroom", name);
    }
}
