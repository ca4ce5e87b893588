namespace Cutroom.Cli.Tests;

/// <summary>Runs the built <c>cutroom</c> CLI as a child process (<c>dotnet cutroom.dll ...</c>), output redirected.</summary>
internal static class CutroomCli
{
    private static readonly Lazy<string> LazyDll = new(Locate);

    /// <summary>Path of the built cutroom.dll.</summary>
    public static string Dll => LazyDll.Value;

    /// <summary>Runs <c>cutroom</c> with <paramref name="args"/>; returns exit code, stdout and stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args) =>
        TestMedia.Run("dotnet", [Dll, .. args], env: new Dictionary<string, string>
        {
            ["NO_COLOR"] = "1", ["COLUMNS"] = "200",
            // Rendered chunks go to a cache of this test run, not the user's.
            ["CUTROOM_RENDER_CACHE"] = RenderCache,
        });

    /// <summary>The render cache the commands of this test run share (under the temp folder).</summary>
    public static string RenderCache { get; } = Path.Combine(Path.GetTempPath(), $"cutroom-cli-tests-render-{Environment.ProcessId}");

    /// <summary>
    /// cutroom.dll beside the test assembly (copied by the project reference), else in the Cli
    /// project's bin folder for the same configuration.
    /// </summary>
    private static string Locate()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "cutroom.dll")) && File.Exists(Path.Combine(here, "cutroom.runtimeconfig.json")))
            return Path.Combine(here, "cutroom.dll");
        // here = tests/Cutroom.Cli.Tests/bin/<Configuration>/<tfm>/
        var tfmDir = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent!.Name;
        var repo = tfmDir.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var candidate = Path.Combine(repo, "src", "Cutroom.Cli", "bin", configuration, tfmDir.Name, "cutroom.dll");
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException($"cutroom.dll not found beside the tests or at {candidate}; build src/Cutroom.Cli first");
    }
}
