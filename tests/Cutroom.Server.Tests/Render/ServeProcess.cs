using System.Diagnostics;
using System.Net;
using System.Text;

namespace Cutroom.Server.Tests.Render;

/// <summary>
/// <c>dotnet cutroom.dll serve --port 0 --data D</c> as a real process (the CLI is built beside the
/// tests), for tests that kill it: SIGKILL with its process tree, or SIGTERM.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process) => _process = process;

    /// <summary><c>http://127.0.0.1:P</c>, as the server printed it (it listens on a port the system chose).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What it wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the server on <paramref name="dataDir"/> and waits until <c>/healthz</c> answers 200.</summary>
    /// <param name="dataDir">Its data folder.</param>
    /// <param name="env">Environment variables (settings: <c>Cutroom__…</c>), applied last.</param>
    /// <param name="testDatabase">Whether it runs on the data folder's test database (<see cref="Infrastructure.TestDatabase"/>); false when <paramref name="env"/> names the database itself.</param>
    public static async Task<ServeProcess> StartAsync(string dataDir, IDictionary<string, string>? env = null, bool testDatabase = true)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cutroom.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the CLI is built beside the tests");
        // Port 0: the system picks a free port when the server binds it, and the server prints it.
        // (A port found free beforehand can be taken by another test's server before this one binds it.)
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "serve", "--port", "0", "--data", dataDir })
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (testDatabase) foreach (var (k, v) in Infrastructure.TestDatabase.EnvironmentFor(dataDir)) psi.Environment[k] = v; // the folder's PostgreSQL database, if the tests run on one
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        var server = new ServeProcess(p);
        p.OutputDataReceived += (_, e) => server.Append(e.Data);
        p.ErrorDataReceived += (_, e) => server.Append(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (p.HasExited) Assert.Fail($"cutroom serve exited with {p.ExitCode}: {server.Output}");
            if (server.BaseUrl.Length == 0)
            {
                var m = System.Text.RegularExpressions.Regex.Match(server.Output, @"Cutroom is listening on (http://127\.0\.0\.1:\d+)");
                if (!m.Success)
                {
                    await Task.Delay(100);
                    continue;
                }
                server.BaseUrl = m.Groups[1].Value;
            }
            try
            {
                using var res = await http.GetAsync(new Uri(server.BaseUrl + "/healthz"));
                if (res.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        server.Dispose();
        Assert.Fail($"cutroom serve did not answer /healthz within 60 s: {server.Output}");
        return server;
    }

    /// <summary>SIGKILL for the server and its children (ffmpeg): a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Sends SIGTERM (<c>kill -TERM pid</c>) and returns how long the process took to exit, or null if it had not after <paramref name="wait"/>.</summary>
    public TimeSpan? Terminate(TimeSpan wait)
    {
        var sw = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        return _process.WaitForExit(wait) ? sw.Elapsed : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); _process.WaitForExit(); } catch (InvalidOperationException) { }
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
