namespace Cutroom.Cli.Client;

/// <summary>
/// Where <c>cutroom chat</c> writes: the agent's replies and results on stdout (unless
/// <c>--json</c>, which prints one JSON document at the end), status lines and errors on stderr,
/// and one live progress line on stderr (rewritten with a carriage return on a terminal; plain
/// lines, only when the text changes, otherwise). Safe to call from several threads.
/// </summary>
/// <param name="output">stdout.</param>
/// <param name="error">stderr.</param>
/// <param name="errorIsTerminal">Whether stderr is a terminal (live line with <c>\r</c>).</param>
/// <param name="json">Keep stdout for the final JSON document.</param>
public sealed class ChatConsole(TextWriter output, TextWriter error, bool errorIsTerminal, bool json)
{
    private readonly Lock _gate = new();
    private string? _live;
    private string? _lastPlainLive;

    /// <summary>The process's console.</summary>
    /// <param name="json">Keep stdout for JSON.</param>
    public static ChatConsole ForProcess(bool json) => new(Console.Out, Console.Error, !Console.IsErrorRedirected, json);

    /// <summary>Whether replies are kept for the JSON document instead of printed.</summary>
    public bool Json { get; } = json;

    /// <summary>A reply or result for the user (stdout; in <c>--json</c> mode stderr, so that nothing is lost).</summary>
    /// <param name="text">The text.</param>
    public void Say(string text) => Write(Json ? error : output, text);

    /// <summary>A status line (stderr): "Setting up...", "Uploading...".</summary>
    /// <param name="text">The text.</param>
    public void Info(string text) => Write(error, text);

    /// <summary>An error for the user (stderr), as advice rather than a stack trace.</summary>
    /// <param name="text">The text.</param>
    public void Error(string text) => Write(error, text);

    /// <summary>Shows <paramref name="text"/> as the live progress line.</summary>
    /// <param name="text">"Extracting frames: 40%".</param>
    public void Live(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        lock (_gate)
        {
            if (errorIsTerminal)
            {
                var width = SafeWidth();
                var shown = text.Length > width ? text[..(width - 1)] + "…" : text;
                var pad = _live is { } old && old.Length > shown.Length ? new string(' ', old.Length - shown.Length) : "";
                error.Write("\r" + shown + pad);
                error.Flush();
                _live = shown;
            }
            else if (PlainKey(text) is var key && key != _lastPlainLive)
            {
                // Redirected: one line per step of 10% (or new label), not one per update.
                error.WriteLine(text);
                error.Flush();
                _lastPlainLive = key;
            }
        }
    }

    /// <summary>Clears the live line (before other output, and at the end of a step).</summary>
    public void EndLive()
    {
        lock (_gate) ClearLive();
    }

    private void Write(TextWriter writer, string text)
    {
        lock (_gate)
        {
            ClearLive();
            writer.WriteLine(text);
            writer.Flush();
        }
    }

    private void ClearLive()
    {
        _lastPlainLive = null;
        if (_live is null) return;
        error.Write("\r" + new string(' ', _live.Length) + "\r");
        error.Flush();
        _live = null;
    }

    /// <summary>The label before the first digit, and the first percentage in tens: "Rendering: |4".</summary>
    private static string PlainKey(string text)
    {
        var percent = System.Text.RegularExpressions.Regex.Match(text, @"(\d+)%");
        var firstDigit = text.AsSpan().IndexOfAnyInRange('0', '9');
        var label = firstDigit < 0 ? text : text[..firstDigit];
        return percent.Success ? label + "|" + int.Parse(percent.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 10 : text;
    }

    private static int SafeWidth()
    {
        try { return Math.Max(20, Console.WindowWidth - 1); }
        catch (IOException) { return 79; }
        catch (PlatformNotSupportedException) { return 79; }
    }
}
