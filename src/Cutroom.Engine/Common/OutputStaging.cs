using Cutroom.Contract.Errors;

namespace Cutroom.Engine.Common;

/// <summary>
/// Writes a job's output under a temporary name beside its final place and moves it there only
/// when complete, so that a failed or interrupted job never leaves a half-written file or folder.
/// Dispose without <see cref="Commit"/> deletes the temporary.
/// </summary>
public sealed class OutputStaging : IDisposable
{
    private bool _committed;

    private OutputStaging(string finalPath, string tempPath, bool isDirectory)
    {
        FinalPath = finalPath; TempPath = tempPath; IsDirectory = isDirectory;
    }

    /// <summary>The final path.</summary>
    public string FinalPath { get; }
    /// <summary>The temporary path to write to (same folder, same extension, so muxers pick the right format).</summary>
    public string TempPath { get; }
    /// <summary>True for a folder output.</summary>
    public bool IsDirectory { get; }

    /// <summary>Stages a file output: <c>dir/.name.tmp-XXXX.ext</c>.</summary>
    /// <param name="finalPath">Where the file goes when complete; its folder is created.</param>
    /// <param name="overwrite">Allow replacing an existing file.</param>
    /// <exception cref="JobInputException"><see cref="JobErrorCodes.OutputExists"/> (field <c>output</c>) when the file exists and <paramref name="overwrite"/> is false, or the path is a folder.</exception>
    public static OutputStaging ForFile(string finalPath, bool overwrite = true)
    {
        var full = Path.GetFullPath(finalPath);
        if (Directory.Exists(full)) throw OutputTaken($"'{Path.GetFileName(full)}' is a folder; give a file name");
        if (File.Exists(full) && !overwrite) throw OutputTaken($"'{Path.GetFileName(full)}' already exists");
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var stem = Path.GetFileNameWithoutExtension(full);
        if (stem.Length > 100) stem = stem[..100];
        var temp = Path.Combine(dir, $".{stem}.tmp-{Guid.NewGuid():N}{Path.GetExtension(full)}");
        return new OutputStaging(full, temp, false);
    }

    /// <summary>Stages a folder output: a sibling <c>.name.tmp-XXXX</c> folder, created empty.</summary>
    /// <param name="finalPath">The folder that will hold the results. If it exists it must be empty.</param>
    /// <exception cref="JobInputException"><see cref="JobErrorCodes.OutputExists"/> (field <c>output</c>) when the folder exists and is not empty, or is a file.</exception>
    public static OutputStaging ForDirectory(string finalPath)
    {
        var full = Path.GetFullPath(finalPath.TrimEnd('/', '\\'));
        if (File.Exists(full)) throw OutputTaken($"'{Path.GetFileName(full)}' is a file; give a folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw OutputTaken($"folder '{Path.GetFileName(full)}' is not empty; choose a new or empty folder");
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        return new OutputStaging(full, temp, true);
    }

    private static JobInputException OutputTaken(string message) => new(JobErrorCodes.OutputExists, JobFields.Output, message);

    /// <summary>Moves the temporary to its final place (replacing an existing file or empty folder).</summary>
    public void Commit()
    {
        if (IsDirectory)
        {
            if (Directory.Exists(FinalPath)) Directory.Delete(FinalPath);
            Directory.Move(TempPath, FinalPath);
        }
        else
        {
            File.Move(TempPath, FinalPath, overwrite: true);
        }
        _committed = true;
    }

    /// <summary>Deletes the temporary unless committed.</summary>
    public void Dispose()
    {
        if (_committed) return;
        try
        {
            if (IsDirectory) { if (Directory.Exists(TempPath)) Directory.Delete(TempPath, recursive: true); }
            else if (File.Exists(TempPath)) File.Delete(TempPath);
        }
        catch (IOException) { /* best effort: a temp name is never mistaken for output */ }
    }
}
