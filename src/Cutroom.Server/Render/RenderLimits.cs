using System.Globalization;
using Cutroom.Engine.Common;
using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;

namespace Cutroom.Server.Render;

/// <summary>
/// The limits of one render (docs/security.md; docs/scale-out.md, "Jobs"): the output duration a
/// render may produce, checked when it is posted (so a tiny file that declares hours cannot take a
/// worker for hours), and ffmpeg's wall-clock limit, which grows with the output's duration
/// (<see cref="RenderOptions.FFmpegTimeLimitFor"/>) instead of one flat limit for every render.
/// </summary>
public static class RenderLimits
{
    /// <summary>The problem (at path <c>draft</c>) when a draft of <paramref name="durationMs"/> is longer than <see cref="RenderOptions.MaxOutputDuration"/>; else null.</summary>
    /// <param name="durationMs">The draft's duration (ms).</param>
    /// <param name="options">Render settings.</param>
    public static PathError? TooLong(long durationMs, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var max = options.MaxOutputDuration;
        return durationMs <= max.TotalMilliseconds ? null
            : new PathError("draft", $"the draft plays for {Describe(TimeSpan.FromMilliseconds(durationMs))}, longer than the {Describe(max)} a render may produce on this server: shorten the timeline or export it in parts");
    }

    /// <summary><paramref name="engine"/> with <paramref name="limit"/> as its ffmpeg wall-clock limit.</summary>
    /// <param name="engine">The server's engine.</param>
    /// <param name="limit">The limit of this render.</param>
    public static EngineContext WithTimeLimit(EngineContext engine, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.WithLimits(engine.Limits with { FFmpegTimeout = limit });
    }

    /// <summary>"4 h 0 min", "30 min", "12.5 s".</summary>
    internal static string Describe(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes} min")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.#} s");
}
