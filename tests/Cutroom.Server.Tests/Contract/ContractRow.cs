using Cutroom.Agent.Tools;
using Cutroom.Contract.Errors;

namespace Cutroom.Server.Tests.Contract;

/// <summary>
/// One bad request of a job, said three ways, and what every interface must answer: the job error
/// code (or only its kind where two codes are legitimate, e.g. media_unreadable or ffmpeg_failed),
/// hence the CLI exit code and the HTTP contract code (<see cref="Expect"/>).
/// </summary>
/// <param name="Name">The row as a phrase ("a time past the end").</param>
/// <param name="Input">The input file.</param>
/// <param name="Code">The expected code, or null when only <paramref name="Kind"/> is fixed.</param>
/// <param name="Kind">The expected kind.</param>
/// <param name="Cli">The CLI arguments (without <c>--json</c>) for the input path and a test folder; null when the CLI has no way to say it.</param>
/// <param name="Tool">The tool call for the uploaded media id; null when the agent has no way to say it.</param>
internal sealed record ContractRow(string Name, BadFile Input, string? Code, ErrorKind Kind, Func<string, TempDir, string[]>? Cli, Func<string, ToolCall>? Tool)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The mapping every interface must follow, written out here independently of CliErrors and JobErrorMapping.</summary>
internal static class Expect
{
    /// <summary>The CLI exit code of a kind: 2 when the request was wrong, 1 when the work failed.</summary>
    public static int ExitCode(ErrorKind kind) =>
        kind is ErrorKind.BadInput or ErrorKind.NotFound or ErrorKind.UnsupportedMedia or ErrorKind.OverLimit ? 2 : 1;

    /// <summary>The HTTP contract code of a kind.</summary>
    public static int ApiCode(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => 4000,
        ErrorKind.NotFound => 4004,
        ErrorKind.UnsupportedMedia => 4001,
        ErrorKind.OverLimit => 4002,
        ErrorKind.InsufficientCredits => 2001,
        _ => 5000,
    };

    /// <summary>The kind as the CLI's JSON and the agent's data spell it (<c>unsupported_media</c>).</summary>
    public static string Name(ErrorKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
