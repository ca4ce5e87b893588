using System.Text.Json;
using System.Text.Json.Serialization;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Spectre.Console;

namespace Cutroom.Cli.Infrastructure;

/// <summary>
/// Runs one CLI job the same way for every command: a progress bar on stderr when stderr is a
/// terminal (nothing when redirected), the result on stdout as a table or, with <c>--json</c>,
/// as JSON; every <see cref="CutroomException"/> becomes one line on stderr and an exit code
/// (1 failure, 2 usage, 130 interrupted). Never a stack trace.
/// </summary>
public static class JobConsole
{
    /// <summary>The console for results (stdout).</summary>
    public static IAnsiConsole Out { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect, ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect });

    /// <summary>The console for progress, warnings and errors (stderr).</summary>
    public static IAnsiConsole Err { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect, ColorSystem = Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect });

    /// <summary>JSON options for <c>--json</c> output: snake_case, indented, enums as strings, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="job"/> with a progress bar and prints its result.</summary>
    /// <typeparam name="T">The job's result type (serialised as is for <c>--json</c>).</typeparam>
    /// <param name="title">What the progress bar says ("Extracting frames").</param>
    /// <param name="json">Print JSON instead of a table.</param>
    /// <param name="job">The job; reports progress 0..1.</param>
    /// <param name="printTable">Prints the result for people.</param>
    /// <param name="cancellationToken">Fires on Ctrl+C.</param>
    /// <param name="flags">Field → flag for the command's fields whose flag is not <c>--field-name</c> (<see cref="CliErrors.FlagOf"/>).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync<T>(string title, bool json, Func<IProgress<double>, CancellationToken, Task<T>> job,
        Action<T, IAnsiConsole> printTable, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? flags = null)
    {
        try
        {
            T result;
            if (!Console.IsErrorRedirected && !json)
            {
                result = default!;
                await Err.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask(title, maxValue: 1.0);
                        result = await job(new SyncProgress(v => task.Value = Math.Clamp(v, 0, 1)), cancellationToken);
                        task.Value = 1;
                    });
            }
            else
            {
                result = await job(new SyncProgress(_ => { }), cancellationToken);
            }

            if (json) Console.Out.WriteLine(JsonSerializer.Serialize(result, Json));
            else printTable(result, Out);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("cutroom: interrupted; nothing was written");
            return ExitCodes.Interrupted;
        }
        catch (CutroomException e)
        {
            Console.Error.WriteLine($"cutroom: {CliErrors.Describe(e, flags)}");
            if (json) Console.Out.WriteLine(CliErrors.ToJson(e, flags));
            if (Environment.GetEnvironmentVariable("CUTROOM_DEBUG") == "1" && e is FFmpegException f)
                Console.Error.WriteLine($"ffmpeg {string.Join(' ', f.Arguments)}\n{string.Join('\n', f.StderrTail)}");
            return CliErrors.ExitCodeOf(e.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours: still one line, never a stack trace (set CUTROOM_DEBUG=1 to see it).
            Console.Error.WriteLine($"cutroom: internal error ({e.GetType().Name}): {e.Message}");
            if (Environment.GetEnvironmentVariable("CUTROOM_DEBUG") == "1") Console.Error.WriteLine(e);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Prints a warning line on stderr.</summary>
    public static void Warn(string message) => Console.Error.WriteLine($"cutroom: warning: {message}");

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (no SynchronizationContext hop).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
