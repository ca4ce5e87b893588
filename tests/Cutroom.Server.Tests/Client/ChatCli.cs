using System.Diagnostics;
using System.Text.Json;

namespace Cutroom.Server.Tests.Client;

/// <summary>
/// Runs <c>dotnet cutroom.dll chat ...</c> (the CLI is built beside the tests) as a real process
/// against a server, with its own config folder (<c>CUTROOM_CONFIG_DIR</c>) and working folder.
/// </summary>
internal sealed class ChatCli : IDisposable
{
    private readonly TempDir _dir = new();

    /// <summary>A client of <paramref name="serverUrl"/> with a fresh config folder.</summary>
    public ChatCli(string serverUrl)
    {
        ServerUrl = serverUrl;
        Directory.CreateDirectory(ConfigDir);
        Directory.CreateDirectory(WorkDir);
    }

    /// <summary>The server.</summary>
    public string ServerUrl { get; }

    /// <summary>Where client.json is kept.</summary>
    public string ConfigDir => _dir.File("config");

    /// <summary>The process's working folder (exports without a path land here).</summary>
    public string WorkDir => _dir.File("work");

    /// <summary>client.json.</summary>
    public string ClientJson => Path.Combine(ConfigDir, "client.json");

    /// <summary>Extra environment variables.</summary>
    public Dictionary<string, string> Env { get; } = new() { ["NO_COLOR"] = "1", ["DOTNET_NOLOGO"] = "1" };

    /// <summary>The path of cutroom.dll.</summary>
    public static string Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "cutroom.dll");
            Assert.True(File.Exists(dll), $"{dll} is missing: the CLI is built beside the tests");
            return dll;
        }
    }

    /// <summary>Runs <c>cutroom chat --server URL</c> (unless <paramref name="args"/> has its own) with <paramref name="args"/>; <paramref name="stdin"/> is typed in (then closed).</summary>
    public async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args, string? stdin = null, int timeoutSeconds = 240)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = WorkDir,
        };
        string[] server = args.Contains("--server") ? [] : ["--server", ServerUrl];
        foreach (var a in new[] { Dll, "chat" }.Concat(server).Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment["CUTROOM_CONFIG_DIR"] = ConfigDir;
        psi.Environment.Remove("CUTROOM_TOKEN");
        foreach (var (k, v) in Env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"cutroom chat {string.Join(' ', args)} did not end within {timeoutSeconds} s: {await stdout}\n{await stderr}");
        }
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs with <c>--json</c> and parses the document it prints.</summary>
    public async Task<(int Code, JsonElement Json, string Stderr)> RunJsonAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync([.. args, "--json"]);
        try
        {
            using var doc = JsonDocument.Parse(stdout);
            return (code, doc.RootElement.Clone(), stderr);
        }
        catch (JsonException)
        {
            Assert.Fail($"not JSON (exit {code}): {stdout}\n{stderr}");
            throw;
        }
    }

    /// <summary>The stored client.json.</summary>
    public JsonElement ReadClientJson()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ClientJson));
        return doc.RootElement.Clone();
    }

    /// <inheritdoc/>
    public void Dispose() => _dir.Dispose();
}
