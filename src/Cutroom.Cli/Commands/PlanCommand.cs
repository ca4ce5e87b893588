using System.CommandLine;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom plan "MESSAGE" [--state state.json] [--language en|zh]</c>: the tool calls the
/// built-in planner makes for a chat message, as JSON (<c>{"calls":[...],"reply":"..."}</c>),
/// without running them. Without <c>--state</c> the session holds one uploaded video, <c>med_1</c>.
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var message = new Argument<string>("message") { Description = "The chat message, e.g. \"extract every 10th frame from my video as images\"" };
        var state = new Option<string?>("--state") { Description = "The session state (the data.state object of the state endpoint: draft, video_infos, generated_media) as a JSON file" };
        var language = new Option<string?>("--language") { Description = "Reply language: en or zh (default: the message's)" };
        language.AcceptOnlyFromAmong("en", "zh");
        var cmd = new Command("plan", "Show the tool calls the chat agent would make for a message, as JSON, without running them") { message, state, language };
        cmd.SetAction(parse =>
        {
            try
            {
                var session = parse.GetValue(state) is { } path ? SessionSnapshot.Parse(ReadState(path)) : SessionSnapshot.OneVideo;
                var plan = new BuiltInPlanner().Plan(parse.GetValue(message) ?? "", session, parse.GetValue(language));
                Console.Out.WriteLine(plan.ToJson().ToJsonString(AgentJson.Options));
                return ExitCodes.Ok;
            }
            catch (CutroomException e)
            {
                Console.Error.WriteLine($"cutroom: {CliErrors.Describe(e)}");
                return CliErrors.ExitCodeOf(e.Kind);
            }
        });
        return cmd;
    }

    private static string ReadState(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobInputException(JobErrorCodes.NotFound, "state", $"cannot read '{Path.GetFileName(path)}': {PathRedaction.Redact(e.Message, [path, Path.GetFullPath(path)])}");
        }
    }
}
