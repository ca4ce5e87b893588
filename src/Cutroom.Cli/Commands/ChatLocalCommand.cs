using System.CommandLine;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Agent.Planning.Llm;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Turns;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Preview;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom local-chat FILE... --say "MESSAGE" [--say ...] [--work DIR] [--preview FILE]</c>: uploads the files into a
/// local session and runs each message as a chat turn through the agent and the engine (no
/// server; <c>cutroom chat</c> talks to one), printing each turn's text and the files it made; with
/// <c>--preview</c>, renders the quick preview of the final draft (<see cref="DraftPreview"/>, chunks cached as the server's).
/// </summary>
internal static class ChatLocalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Media to upload into the session, in order", Arity = ArgumentArity.ZeroOrMore };
        var say = new Option<string[]>("--say") { Description = "A chat message (repeat for several turns)", Required = true, AllowMultipleArgumentsPerToken = false };
        var preview = new Option<string?>("--preview") { Description = "After the turns, render the draft's quick preview (640x360, x264 ultrafast, cached chunks) to this MP4", HelpName = "file" };
        var work = new Option<string?>("--work") { Description = "Folder for the session's outputs (default: a new folder under the temp folder)" };
        var language = new Option<string?>("--language") { Description = "Reply language: en or zh (default: each message's)" };
        language.AcceptOnlyFromAmong("en", "zh");
        var llmUrl = new Option<string?>("--llm-url") { Description = "Plan with an OpenAI-compatible server at this base URL (e.g. http://127.0.0.1:11434/v1), falling back to the built-in planner; default: CUTROOM_LLM_URL" };
        var llmModel = new Option<string?>("--llm-model") { Description = "The model name for --llm-url; default: CUTROOM_LLM_MODEL" };
        var cmd = new Command("local-chat", "Chat with the edit agent on local files, without a server: each --say is one turn, run against the real engine") { files, say, work, preview, language, llmUrl, llmModel };
        cmd.SetAction(async (parse, ct) =>
        {
            try
            {
                var engine = RenderEngine.Create();
                var folder = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "cutroom-chat-" + Guid.NewGuid().ToString("N")[..8]);
                var session = new FolderSession(folder, language: parse.GetValue(language));
                var uploaded = await session.UploadAsync(engine, parse.GetValue(files) ?? [], ct);
                foreach (var m in uploaded) Console.Error.WriteLine($"uploaded {m.Id}: {m.Name} ({m.Kind.ToString().ToLowerInvariant()})");
                IPlanner planner = new BuiltInPlanner();
                var url = parse.GetValue(llmUrl) ?? Environment.GetEnvironmentVariable("CUTROOM_LLM_URL");
                var model = parse.GetValue(llmModel) ?? Environment.GetEnvironmentVariable("CUTROOM_LLM_MODEL");
                if (!string.IsNullOrWhiteSpace(url))
                {
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || string.IsNullOrWhiteSpace(model))
                        throw new JobInputException(JobErrorCodes.Required, "llm_url", "needs an absolute http(s) URL, and --llm-model a model name");
                    planner = new LlmPlanner(new LlmPlannerOptions(baseUrl, model) { ApiKey = Environment.GetEnvironmentVariable("CUTROOM_LLM_KEY") }, ToolRegistry.Default, planner);
                }
                var agent = new EditAgent(planner, new ToolRunner(ToolRegistry.Default), engine);
                var ok = true;
                foreach (var message in parse.GetValue(say) ?? [])
                {
                    Console.Out.WriteLine($"> {message}");
                    var before = session.Generated.Count;
                    var turn = await agent.RunAsync(session, message, e =>
                    {
                        if (e is CallStarted s) Console.Error.WriteLine($"  {s.Call}");
                        else if (e is CallProgress p && !Console.IsErrorRedirected) Console.Error.Write($"\r  {p.Text}   ");
                    }, ct);
                    if (!Console.IsErrorRedirected) Console.Error.Write("\r");
                    if (turn.Plan.Planner != "builtin") Console.Error.WriteLine($"  planned by {turn.Plan.Planner}");
                    Console.Out.WriteLine(turn.Text);
                    foreach (var g in session.Generated.Skip(before).Where(g => g.Kind != "image" || session.Generated.Count - before <= 5))
                        Console.Out.WriteLine($"  {g.Id} {g.Kind}: {g.Path}");
                    ok &= turn.Succeeded;
                }
                if (parse.GetValue(preview) is { Length: > 0 } previewFile)
                {
                    var request = DraftPreview.Request(RenderableDraft.From(session.Draft), Path.GetFullPath(previewFile), session.PathOf);
                    var result = await new DraftRenderer(engine).RunAsync(request, null, ct);
                    var chunks = result.Chunks is { } c ? $"; chunks rendered {c.Rendered}, reused {c.Reused}" : "";
                    Console.Out.WriteLine($"preview: {result.File} ({result.Width}x{result.Height}, {result.DurationMs / 1000.0:0.0} s, {result.ElapsedMs} ms{chunks})");
                }
                Console.Error.WriteLine($"outputs in {session.Root}");
                return ok ? ExitCodes.Ok : ExitCodes.Failure;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.Error.WriteLine("cutroom: interrupted");
                return ExitCodes.Interrupted;
            }
            catch (CutroomException e)
            {
                Console.Error.WriteLine($"cutroom: {CliErrors.Describe(e)}");
                return CliErrors.ExitCodeOf(e.Kind);
            }
        });
        return cmd;
    }
}
