using System.Runtime.InteropServices;
using System.CommandLine;
using Cutroom.Cli.Client;
using Cutroom.Cli.Infrastructure;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom chat [FILE...] [--server URL] [--upload FILE] [--say MESSAGE] [--preview [PATH]] [--export [PATH]] [--json]</c>: the terminal client of a Cutroom server, speaking the
/// HTTP contract (and Cutroom's preview addition). Without steps it is interactive (a prompt; <c>exit</c> or Ctrl+D leaves, Ctrl+C during a request returns to the prompt); with
/// <c>--upload</c>/<c>--say</c>/<c>--preview</c>/<c>--export</c> it runs them in that order, prints what the agent
/// said, and exits 1 at the first failed step (2 on a wrong command line).
/// </summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Files to upload first (like --upload)", Arity = ArgumentArity.ZeroOrMore };
        var server = new Option<string?>("--server") { Description = "The Cutroom server (default: $CUTROOM_SERVER or http://127.0.0.1:8080)", HelpName = "url" };
        var upload = new Option<string[]>("--upload") { Description = "A file to upload first (repeat for several)", AllowMultipleArgumentsPerToken = false, HelpName = "file" };
        var say = new Option<string[]>("--say") { Description = "A message for the agent, run after the uploads (repeat for several turns); 'status', 'credits' and 'export' work too", AllowMultipleArgumentsPerToken = false, HelpName = "message" };
        var preview = new Option<string?>("--preview") { Description = "After the messages, save the draft's quick preview (640x360, rendered by the server after each edit) to this file (or folder; default: cutroom-preview.mp4 here)", Arity = ArgumentArity.ZeroOrOne, HelpName = "path" };
        var export = new Option<string?>("--export") { Description = "At the end, export the timeline and save it to this file (or folder; default: the current folder)", Arity = ArgumentArity.ZeroOrOne, HelpName = "path" };
        var json = CliOptions.Json();
        var session = new Option<string?>("--session") { Description = "Continue this session instead of starting a new one", HelpName = "session-id" };
        var language = new Option<string?>("--language") { Description = "The session's language, e.g. en or zh (default: from the messages or $LANG)", HelpName = "lang" };
        var configDir = new Option<string?>("--config-dir") { Description = "Where the client id and token are kept (default: $CUTROOM_CONFIG_DIR or ~/.config/cutroom)", HelpName = "dir" };
        var cmd = new Command("chat", "Chat with a Cutroom server: upload, edit by describing, check credits and the timeline, export and download")
            { files, server, upload, say, preview, export, json, session, language, configDir };
        cmd.SetAction(async (parse, ct) =>
        {
            var serverText = parse.GetValue(server) ?? (Environment.GetEnvironmentVariable("CUTROOM_SERVER") is { Length: > 0 } env ? env : "http://127.0.0.1:8080");
            if (!Uri.TryCreate(serverText, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
                return Usage($"--server '{serverText}' is not an http(s) URL");
            if ((parse.GetValue(files) ?? []).FirstOrDefault(f => f.StartsWith('-')) is { } unknown)
                return Usage($"Unrecognized command or argument '{unknown}'.");
            string[] uploads = [.. parse.GetValue(files) ?? [], .. parse.GetValue(upload) ?? []];
            var says = parse.GetValue(say) ?? [];
            var exporting = parse.GetResult(export) is not null;
            var exportTarget = parse.GetValue(export);
            var previewing = parse.GetResult(preview) is not null;
            var previewTarget = parse.GetValue(preview);
            var steps = uploads.Length + says.Length + (previewing ? 1 : 0) + (exporting ? 1 : 0);
            if (says.Any(string.IsNullOrWhiteSpace)) return Usage("--say needs a message");
            if (parse.GetValue(json) && steps == 0) return Usage("--json needs --upload, --say, --preview or --export (it is for non-interactive runs)");

            var console = ChatConsole.ForProcess(parse.GetValue(json));
            // Ctrl+C: while a request runs at the prompt, stop waiting for it and go back to the prompt;
            // at the prompt, leave at once (as a shell does); in a scripted run, stop and exit with 130.
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
            {
                if (steps == 0 && Volatile.Read(ref RunningStep) is null) return;   // at the prompt: the default, exit
                signal.Cancel = true;
                if (steps == 0) { try { Volatile.Read(ref RunningStep)?.Cancel(); } catch (ObjectDisposedException) { } }
                else interrupt.Cancel();
            });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; interrupt.Cancel(); });
            ct = interrupt.Token;
            var store = new TokenStore(parse.GetValue(configDir) ?? TokenStore.DefaultFolder());
            using var api = new ApiClient(baseUrl, store);
            var chat = new ChatSession(api, console, ChatOptions.FromEnvironment(parse.GetValue(language) ?? Language(says)));
            try
            {
                if (!await chat.StartAsync(parse.GetValue(session), ct)) return Finish(chat, console, baseUrl, ExitCodes.Failure);
                if (steps == 0) return await InteractiveAsync(chat, console, ct);
                var inputs = uploads.Select(p => new RoutedInput(InputKind.Upload, "upload " + p, [p]))
                    .Concat(says.Select(s => InputRouter.Route(s) is { Kind: not (InputKind.Empty or InputKind.Exit or InputKind.Help) } r ? r : new RoutedInput(InputKind.Chat, s.Trim(), [])))
                    .Concat(previewing ? [new RoutedInput(InputKind.Preview, "preview", previewTarget is { Length: > 0 } p ? [p] : [])] : [])
                    .Concat(exporting ? [new RoutedInput(InputKind.Export, "export", [])] : []);
                foreach (var input in inputs)
                {
                    if (input.Kind == InputKind.Chat && !console.Json) console.Say($"> {input.Text}");
                    if (!await chat.RunAsync(input, exportTarget, ct)) return Finish(chat, console, baseUrl, ExitCodes.Failure);
                }
                return Finish(chat, console, baseUrl, ExitCodes.Ok);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                console.EndLive();
                Console.Error.WriteLine("cutroom: interrupted (work already sent goes on on the server)");
                return ExitCodes.Interrupted;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug of ours or an answer we did not expect: one line, never a stack trace (CUTROOM_DEBUG=1 shows it).
                console.EndLive();
                Console.Error.WriteLine($"cutroom: internal error ({e.GetType().Name}): {e.Message}");
                if (Environment.GetEnvironmentVariable("CUTROOM_DEBUG") == "1") Console.Error.WriteLine(e);
                return ExitCodes.Failure;
            }
        });
        return cmd;
    }

    /// <summary>The request the prompt loop is running (Ctrl+C cancels it), null at the prompt.</summary>
    private static CancellationTokenSource? RunningStep;

    /// <summary>The prompt loop: reads lines until <c>exit</c> or end of input; errors are told and the loop goes on; Ctrl+C during a request returns to the prompt.</summary>
    private static async Task<int> InteractiveAsync(ChatSession chat, ChatConsole console, CancellationToken ct)
    {
        var terminal = !Console.IsInputRedirected;
        if (terminal) console.Info("Type a request, or: upload PATH (or drop a file), status, credits, preview [FILE], export, help; exit or Ctrl+D to leave; Ctrl+C stops waiting for a request.");
        while (!ct.IsCancellationRequested)
        {
            if (terminal)
            {
                Console.Out.Write("> ");
                Console.Out.Flush();
            }
            var line = await Console.In.ReadLineAsync(ct);
            if (line is null) break;
            var input = InputRouter.Route(line);
            if (input.Kind == InputKind.Exit) break;
            using var step = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Volatile.Write(ref RunningStep, step);
            try
            {
                await chat.RunAsync(input, null, step.Token);
            }
            catch (OperationCanceledException) when (step.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                console.EndLive();
                console.Info("Stopped waiting (Ctrl+C). The server may still finish the request; 'status' shows where things are.");
            }
            finally
            {
                Volatile.Write(ref RunningStep, null);
            }
        }
        if (terminal) Console.Out.WriteLine();
        return ExitCodes.Ok;
    }

    private static int Finish(ChatSession chat, ChatConsole console, Uri server, int code)
    {
        if (console.Json) Console.Out.WriteLine(chat.Report(server));
        return code;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"cutroom: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>zh when the first message is written in Chinese (or, without messages, $LANG is Chinese), else en.</summary>
    private static string Language(string[] says) => says.Length > 0
        ? (says[0].Any(c => c is >= '\u4e00' and <= '\u9fff') ? "zh" : "en")
        : (Environment.GetEnvironmentVariable("LANG") ?? "").StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
}
