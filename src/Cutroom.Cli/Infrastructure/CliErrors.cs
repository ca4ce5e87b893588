using System.Text.Json;
using System.Text.Json.Serialization;
using Cutroom.Contract.Errors;

namespace Cutroom.Cli.Infrastructure;

/// <summary>
/// The CLI's side of the job contract: a coded failure becomes an exit code and one line that names
/// the command-line flag of each field. Nothing else in the CLI decides how an error reads.
/// </summary>
public static class CliErrors
{
    /// <summary>The exit code of a failure of <paramref name="kind"/>: 2 when the request was wrong (bad input, not found, unsupported media, over a limit), 1 otherwise.</summary>
    public static int ExitCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput or ErrorKind.NotFound or ErrorKind.UnsupportedMedia or ErrorKind.OverLimit => ExitCodes.Usage,
        _ => ExitCodes.Failure,
    };

    /// <summary>
    /// The flag of a field: <paramref name="flags"/> when it names one, else <c>--</c> and the field in
    /// kebab case (<c>tile_width</c> → <c>--tile-width</c>). The request as a whole and the input file
    /// have no flag (null): their messages name the file.
    /// </summary>
    /// <param name="field">A <see cref="JobError.Field"/>.</param>
    /// <param name="flags">The command's own names, field → flag, for fields whose flag differs.</param>
    public static string? FlagOf(string field, IReadOnlyDictionary<string, string>? flags = null)
    {
        if (flags is not null && flags.TryGetValue(field, out var flag)) return flag;
        if (field is JobFields.Request or JobFields.Input or "") return null;
        if (field.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_'))) return field;   // a draft JSON path
        return "--" + field.Replace('_', '-');
    }

    /// <summary>One error as the CLI says it: <c>--every: must be 1 or more</c>.</summary>
    public static string Describe(JobError error, IReadOnlyDictionary<string, string>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FlagOf(error.Field, flags) is { } f ? $"{f}: {error.Message}" : error.Message;
    }

    /// <summary>Every error of a failure, joined with <c>; </c>.</summary>
    public static string Describe(CutroomException failure, IReadOnlyDictionary<string, string>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return string.Join("; ", failure.Errors.Select(e => Describe(e, flags)));
    }

    /// <summary>
    /// The failure as JSON for <c>--json</c> (printed on stdout instead of a result):
    /// <c>{"error":{"code","kind","field","message"},"errors":[...]}</c>, fields as flags.
    /// </summary>
    public static string ToJson(CutroomException failure, IReadOnlyDictionary<string, string>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var errors = failure.Errors.Select(e => new CliError(e.Code, JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Kind.ToString()),
            FlagOf(e.Field, flags), e.Message)).ToList();
        return JsonSerializer.Serialize(new CliFailure(errors[0], errors), JobConsole.Json);
    }

    private sealed record CliError(string Code, string Kind, string? Field, string Message);

    private sealed record CliFailure(CliError Error, IReadOnlyList<CliError> Errors);
}
