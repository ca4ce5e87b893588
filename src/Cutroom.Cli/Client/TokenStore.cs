using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutroom.Cli.Client;

/// <summary>What the client keeps between runs: its client id (a UUID, kept for good) and its current token.</summary>
/// <param name="ClientId">The <c>X-Client-Id</c> this client sends (contract §3).</param>
/// <param name="Token">The bearer token, or null before the first one.</param>
/// <param name="ExpiresAt">When the token expires (UTC), or null.</param>
public sealed record StoredCredentials(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt)
{
    /// <summary>
    /// Whether there is a token that has not expired at <paramref name="now"/>. (Not renewed early: the
    /// server issues one token per client id per lifetime, and a token that expires mid-run is renewed on 1001.)
    /// </summary>
    /// <param name="now">The time.</param>
    public bool HasUsableToken(DateTimeOffset now) => !string.IsNullOrEmpty(Token) && ExpiresAt is { } e && e > now;
}

/// <summary>
/// <c>client.json</c> in the client's config folder (<c>$CUTROOM_CONFIG_DIR</c>, else
/// <c>$XDG_CONFIG_HOME/cutroom</c>, else <c>~/.config/cutroom</c>): readable and writable by the
/// owner only (mode 0600, folder 0700), replaced atomically so that a crash never leaves half a file.
/// </summary>
/// <param name="folder">The config folder.</param>
public sealed class TokenStore(string folder)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The file's path.</summary>
    public string FilePath { get; } = Path.Combine(folder, "client.json");

    /// <summary>The default config folder, from the environment.</summary>
    public static string DefaultFolder()
    {
        if (Environment.GetEnvironmentVariable("CUTROOM_CONFIG_DIR") is { Length: > 0 } dir) return dir;
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config") : xdg;
        return Path.Combine(root, "cutroom");
    }

    /// <summary>The stored credentials, or null when there is no file or it cannot be read as one (it is then replaced on the next save).</summary>
    public StoredCredentials? Load()
    {
        try
        {
            var stored = JsonSerializer.Deserialize<StoredCredentials>(File.ReadAllText(FilePath), Json);
            return stored is { ClientId.Length: > 0 } ? stored : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="credentials"/> (mode 0600), replacing the file atomically.</summary>
    /// <param name="credentials">What to keep.</param>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public void Save(StoredCredentials credentials)
    {
        var dir = Path.GetDirectoryName(FilePath)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var tmp = FilePath + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(tmp, options))
                JsonSerializer.Serialize(stream, credentials, Json);
            File.Move(tmp, FilePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
