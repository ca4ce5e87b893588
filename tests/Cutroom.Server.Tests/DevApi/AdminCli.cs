using System.Diagnostics;
using System.Text.Json;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>Runs <c>cutroom admin …</c> as a separate process on a live server's database, as an operator would.</summary>
internal static class AdminCli
{
    /// <summary>Runs <c>cutroom admin</c> with <paramref name="args"/> and <c>--data</c> of <paramref name="server"/>; returns exit code and output.</summary>
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(LiveServer server, params string[] args) => RunAsync(server, null, args);

    /// <summary>As <see cref="RunAsync(LiveServer, string[])"/> with extra environment variables (settings as an operator sets them).</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(LiveServer server, IDictionary<string, string>? env, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cutroom.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "admin" }.Concat(args).Concat(["--data", server.DataDir])) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in TestDatabase.EnvironmentFor(server.DataDir)) psi.Environment[k] = v;
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "cutroom admin did not exit");
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary><c>admin keys create --json</c>: the key and its webhook secret.</summary>
    public static async Task<(string Key, string Secret, string Id)> CreateKeyAsync(LiveServer server, string name, params string[] more)
    {
        var (exit, stdout, stderr) = await RunAsync(server, ["keys", "create", "--name", name, "--json", .. more]);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        return (r.GetProperty("key").GetString()!, r.GetProperty("webhook_secret").GetString()!, r.GetProperty("id").GetString()!);
    }
}
