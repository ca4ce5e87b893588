using System.Diagnostics;

namespace Cutroom.Server.Tests.Client;

/// <summary>
/// A program in a real pseudo-terminal: a detached tmux session on a private socket, typed into
/// with <c>send-keys</c> and read back with <c>capture-pane</c> (what a user would see).
/// </summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _socket = "cutroom-test-" + Guid.NewGuid().ToString("N")[..10];

    private Tmux() { }

    /// <summary>Starts <paramref name="command"/> (a shell command line) in a 160x48 terminal; after it ends the pane shows <c>EXITED:&lt;code&gt;</c>.</summary>
    public static Tmux Start(string command, string workDir, IDictionary<string, string> env)
    {
        var (found, _, _) = TestMedia.Run("sh", ["-c", "command -v tmux"]);
        Assert.True(found == 0, "tmux is missing: apt-get install tmux (scripts/setup.sh installs it for the tests)");
        var tmux = new Tmux();
        List<string> args = ["-u", "-L", tmux._socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "160", "-y", "48", "-c", workDir];
        foreach (var (k, v) in env) args.AddRange(["-e", $"{k}={v}"]);
        // The pane's shell catches Ctrl+C (a handler, which the command does not inherit) so that it
        // survives a Ctrl+C sent to the command and reports how the command ended, as a login shell would.
        args.Add($"trap 'true' INT; {command}; echo EXITED:$?; sleep 600");
        tmux.Run(args);
        return tmux;
    }

    /// <summary>Types <paramref name="text"/> literally, then Enter.</summary>
    public void TypeLine(string text)
    {
        Run(["-L", _socket, "send-keys", "-t", "t", "-l", text]);
        Run(["-L", _socket, "send-keys", "-t", "t", "Enter"]);
    }

    /// <summary>Sends a key such as <c>C-d</c>.</summary>
    public void Key(string key) => Run(["-L", _socket, "send-keys", "-t", "t", key]);

    /// <summary>The screen and its scrollback, wrapped lines joined.</summary>
    public string Screen() => Run(["-u", "-L", _socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "t"]);

    /// <summary>Waits until the screen contains <paramref name="text"/> <paramref name="times"/> times; fails with the screen otherwise.</summary>
    public async Task<string> WaitForAsync(string text, int times = 1, int timeoutSeconds = 60)
    {
        var sw = Stopwatch.StartNew();
        string screen;
        do
        {
            screen = Screen();
            if (Count(screen, text) >= times) return screen;
            await Task.Delay(100);
        }
        while (sw.Elapsed < TimeSpan.FromSeconds(timeoutSeconds));
        Assert.Fail($"'{text}' (x{times}) did not appear within {timeoutSeconds} s; the screen:\n{screen}");
        return screen;
    }

    /// <summary>How often <paramref name="text"/> occurs in <paramref name="screen"/>.</summary>
    public static int Count(string screen, string text)
    {
        var n = 0;
        for (var i = screen.IndexOf(text, StringComparison.Ordinal); i >= 0; i = screen.IndexOf(text, i + text.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private string Run(IEnumerable<string> args)
    {
        var (code, stdout, stderr) = TestMedia.Run("tmux", args);
        Assert.True(code == 0, $"tmux {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    /// <inheritdoc/>
    public void Dispose() => TestMedia.Run("tmux", ["-L", _socket, "kill-server"]);
}
