using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// What the installed ffmpeg can do: its version and the names of its encoders and filters,
/// read once per ffmpeg binary from <c>ffmpeg -version</c>, <c>ffmpeg -hide_banner -encoders</c>
/// and <c>ffmpeg -hide_banner -filters</c>. Call <see cref="CheckAsync"/> at start-up so that a
/// minimal ffmpeg build fails fast with a message naming what to install, instead of failing
/// in the middle of a render.
/// </summary>
public sealed partial class FFmpegCapabilities
{
    /// <summary>The oldest ffmpeg Cutroom is written for (Debian 12 ships 5.1).</summary>
    public static readonly Version MinimumVersion = new(5, 1);

    /// <summary>The encoders Cutroom's jobs use: H.264 and AAC for MP4, MJPEG/PNG/WebP for frames.</summary>
    public static readonly IReadOnlyList<string> RequiredEncoders = ["libx264", "aac", "mjpeg", "png", "libwebp"];

    /// <summary>The filters Cutroom's jobs and renders use.</summary>
    public static readonly IReadOnlyList<string> RequiredFilters =
    [
        "scale", "pad", "crop", "overlay", "xfade", "fps", "format", "setpts", "trim", "concat", "select",
        "thumbnail", "tile", "drawtext", "subtitles", "ass", "amix", "afade", "acrossfade", "volume", "loudnorm",
    ];

    private static readonly ConcurrentDictionary<string, Lazy<Task<FFmpegCapabilities>>> Cache = new(StringComparer.Ordinal);

    /// <summary>Creates a capability set from already-read lists (tests, or a cached probe).</summary>
    /// <param name="versionText">The version as ffmpeg prints it (<c>5.1.9-0+deb12u1</c>, or a git build's <c>N-...</c>).</param>
    /// <param name="encoders">Encoder names.</param>
    /// <param name="filters">Filter names.</param>
    public FFmpegCapabilities(string versionText, IEnumerable<string> encoders, IEnumerable<string> filters)
    {
        VersionText = versionText;
        Version = ParseVersion(versionText);
        Encoders = new HashSet<string>(encoders, StringComparer.Ordinal);
        Filters = new HashSet<string>(filters, StringComparer.Ordinal);
    }

    /// <summary>The version string as ffmpeg prints it.</summary>
    public string VersionText { get; }

    /// <summary>The numeric release version (major.minor[.patch]); null for git builds whose version is a revision.</summary>
    public Version? Version { get; }

    /// <summary>Names of every encoder ffmpeg lists.</summary>
    public IReadOnlySet<string> Encoders { get; }

    /// <summary>Names of every filter ffmpeg lists.</summary>
    public IReadOnlySet<string> Filters { get; }

    /// <summary>
    /// Reads the capabilities of <paramref name="tools"/>' ffmpeg (once per binary path; later calls
    /// return the cached result) and throws when any of the required encoders or filters is missing.
    /// </summary>
    /// <param name="tools">The ffmpeg to check.</param>
    /// <param name="encoders">Encoders to require; default <see cref="RequiredEncoders"/>.</param>
    /// <param name="filters">Filters to require; default <see cref="RequiredFilters"/>.</param>
    /// <param name="cancellationToken">Cancels the detection runs.</param>
    /// <returns>The capabilities.</returns>
    /// <exception cref="ToolMissingException">When ffmpeg is older than <see cref="MinimumVersion"/> or lacks a required encoder or filter; the one-line message names each missing item and how to get it.</exception>
    /// <exception cref="FFmpegException">When ffmpeg cannot list its encoders or filters.</exception>
    public static async Task<FFmpegCapabilities> CheckAsync(FFmpegTools tools, IEnumerable<string>? encoders = null, IEnumerable<string>? filters = null, CancellationToken cancellationToken = default)
    {
        var caps = await DetectAsync(tools, cancellationToken).ConfigureAwait(false);
        caps.EnsureAvailable(encoders ?? RequiredEncoders, filters ?? RequiredFilters);
        return caps;
    }

    /// <summary>Reads the capabilities of <paramref name="tools"/>' ffmpeg, once per binary path (a failed read is retried next time).</summary>
    /// <exception cref="FFmpegException">When ffmpeg cannot list its version, encoders or filters.</exception>
    public static async Task<FFmpegCapabilities> DetectAsync(FFmpegTools tools, CancellationToken cancellationToken = default)
    {
        var lazy = Cache.GetOrAdd(tools.FFmpegPath, _ => new Lazy<Task<FFmpegCapabilities>>(() => ReadAsync(tools, cancellationToken)));
        try { return await lazy.Value.ConfigureAwait(false); }
        catch
        {
            Cache.TryRemove(new KeyValuePair<string, Lazy<Task<FFmpegCapabilities>>>(tools.FFmpegPath, lazy));
            throw;
        }
    }

    /// <summary>The required names this ffmpeg lacks, encoders first, each as <c>encoder libx264</c> or <c>filter drawtext</c>.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> encoders, IEnumerable<string> filters) =>
    [
        .. encoders.Where(e => !Encoders.Contains(e)).Select(e => "encoder " + e),
        .. filters.Where(f => !Filters.Contains(f)).Select(f => "filter " + f),
    ];

    /// <summary>Throws when this ffmpeg is too old or lacks any of the given encoders or filters.</summary>
    /// <exception cref="ToolMissingException">With one line naming each missing item and what provides it.</exception>
    public void EnsureAvailable(IEnumerable<string> encoders, IEnumerable<string> filters)
    {
        if (Version is { } v && v < MinimumVersion)
            throw new ToolMissingException($"ffmpeg {VersionText} is too old: Cutroom needs ffmpeg {MinimumVersion} or newer; {FFmpegTools.InstallHint}");
        var missing = Missing(encoders, filters);
        if (missing.Count == 0) return;
        var needs = missing.Select(m => $"{m} ({Provider(m)})");
        throw new ToolMissingException(
            $"this ffmpeg ({VersionText}) lacks {string.Join(", ", needs)}; install Debian's full build with: sudo apt-get install -y ffmpeg " +
            "(it includes libx264, libass, libfreetype and libwebp), or set CUTROOM_FFMPEG to a build that has them");
    }

    /// <summary>What provides a missing item, from ffmpeg's configure options (<c>./configure --help</c>).</summary>
    private static string Provider(string item) => item switch
    {
        "encoder libx264" => "needs --enable-gpl --enable-libx264",
        "encoder libwebp" => "needs --enable-libwebp",
        "filter drawtext" => "needs --enable-libfreetype",
        "filter subtitles" or "filter ass" => "needs --enable-libass",
        "filter xfade" => "needs ffmpeg 4.3 or newer",
        "filter loudnorm" => "part of libavfilter since ffmpeg 3.1",
        _ => "not in this build",
    };

    private static async Task<FFmpegCapabilities> ReadAsync(FFmpegTools tools, CancellationToken ct)
    {
        var version = await ListAsync(tools, "-version", ct).ConfigureAwait(false);
        var encoders = await ListAsync(tools, "-encoders", ct).ConfigureAwait(false);
        var filters = await ListAsync(tools, "-filters", ct).ConfigureAwait(false);
        return new FFmpegCapabilities(ParseVersionLine(version), ParseEncoders(encoders), ParseFilters(filters));
    }

    private static async Task<List<string>> ListAsync(FFmpegTools tools, string what, CancellationToken ct)
    {
        var lines = new List<string>();
        string[] args = ["-hide_banner", what];
        var result = await ProcessRunner.RunAsync(tools.FFmpegPath, args, lines.Add, null, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        if (result.TimedOut || result.ExitCode != 0)
            throw new FFmpegException($"'ffmpeg {what}' failed; is {tools.FFmpegPath} a working ffmpeg? {FFmpegTools.InstallHint}", result.ExitCode, args, result.StderrTail);
        return lines;
    }

    /// <summary>Reads the version from <c>ffmpeg -version</c>'s first line (<c>ffmpeg version 5.1.9-0+deb12u1 Copyright ...</c>).</summary>
    internal static string ParseVersionLine(IReadOnlyList<string> lines)
    {
        var first = lines.FirstOrDefault(l => l.StartsWith("ffmpeg version ", StringComparison.Ordinal)) ?? "";
        var parts = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 ? parts[2] : "unknown";
    }

    /// <summary>Names from <c>ffmpeg -encoders</c>: the lines after the <c>------</c> rule, as <c>FLAGS name description</c>.</summary>
    internal static IEnumerable<string> ParseEncoders(IEnumerable<string> lines) =>
        lines.SkipWhile(l => !l.TrimStart().StartsWith("---", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 2)
            .Select(p => p[1]);

    /// <summary>Names from <c>ffmpeg -filters</c>: lines <c>FLAGS name IN-&gt;OUT description</c> (legend lines have no arrow).</summary>
    internal static IEnumerable<string> ParseFilters(IEnumerable<string> lines) =>
        lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 3 && p[2].Contains("->", StringComparison.Ordinal))
            .Select(p => p[1]);

    private static Version? ParseVersion(string text)
    {
        var m = ReleaseVersion().Match(text);
        if (!m.Success) return null;
        var major = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var minor = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return new Version(major, minor);
    }

    [GeneratedRegex(@"^n?(\d+)(?:\.(\d+))?")]
    private static partial Regex ReleaseVersion();
}
