namespace Cutroom.Cli.Infrastructure;

/// <summary>The exit codes of every <c>cutroom</c> command (docs/architecture.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The job failed (bad media, ffmpeg error, nothing matched).</summary>
    public const int Failure = 1;
    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;
    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Interrupted = 130;
}
