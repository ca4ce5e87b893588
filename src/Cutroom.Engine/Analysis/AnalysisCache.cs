using System.Text.Json;
using Cutroom.Engine.Common;

namespace Cutroom.Engine.Analysis;

/// <summary>
/// Keeps analysis records beside the media they describe (<c>.NAME.cutroom-analysis.json</c> in the
/// media's folder), or, when that folder is not writable, in <c>$XDG_CACHE_HOME/cutroom/analysis</c>
/// (default <c>~/.cache/cutroom/analysis</c>) under the content hash. A record is only reused when
/// its content hash and version match and it is at least as exact as asked.
/// </summary>
public static class AnalysisCache
{
    /// <summary>The file beside the media.</summary>
    public static string BesidePath(string mediaPath)
    {
        var full = Path.GetFullPath(mediaPath);
        return Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".cutroom-analysis.json");
    }

    /// <summary>The file in the user cache folder.</summary>
    public static string UserCachePath(string contentHash) => Path.Combine(UserCache.Folder("analysis"), contentHash + ".json");

    /// <summary>Returns a usable cached record, or null.</summary>
    public static AnalysisRecord? TryLoad(string mediaPath, string contentHash, AnalysisMode wanted)
    {
        foreach (var path in new[] { BesidePath(mediaPath), UserCachePath(contentHash) })
        {
            try
            {
                if (!File.Exists(path)) continue;
                var record = JsonSerializer.Deserialize(File.ReadAllText(path), AnalysisJson.Default.AnalysisRecord);
                if (record is null || record.Version != MediaAnalyzer.Version || record.ContentHash != contentHash) continue;
                if (wanted == AnalysisMode.Exact && record.Mode != AnalysisMode.Exact) continue;
                return record;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException) { }
        }
        return null;
    }

    /// <summary>Stores <paramref name="record"/> beside the media, else in the user cache; failures are ignored (the cache is an optimisation).</summary>
    public static void Save(string mediaPath, AnalysisRecord record)
    {
        var json = JsonSerializer.Serialize(record, AnalysisJson.Default.AnalysisRecord);
        foreach (var path in new[] { BesidePath(mediaPath), UserCachePath(record.ContentHash) })
        {
            try
            {
                using var staging = OutputStaging.ForFile(path);
                File.WriteAllText(staging.TempPath, json);
                staging.Commit();
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Cutroom.Contract.Errors.JobInputException) { }
        }
    }
}
