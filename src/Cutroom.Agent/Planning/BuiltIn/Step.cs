using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;

namespace Cutroom.Agent.Planning.BuiltIn;

/// <summary>What one clause asks for: calls, or one clarifying question, or help.</summary>
internal sealed record Step(IReadOnlyList<ToolCall> Calls)
{
    public static Step Of(params ToolCall[] calls) => new(calls);

    public static Step Call<TArgs>(string tool, TArgs args) where TArgs : class => new([ToolCall.Of(tool, args)]);

    public static Step Ask(PlanContext ctx, string en, string zh) => new([ToolCall.Of(ToolNames.Clarify, new ClarifyArgs { Question = ctx.T(en, zh) })]);

    /// <summary>
    /// The question when a clause needs a video the session cannot name: which one (several fit),
    /// or to upload one (none). <paramref name="whichEn"/>/<paramref name="whichZh"/> replace the
    /// generic "which video" wording where the action is worth naming.
    /// </summary>
    public static Step AskForVideo(PlanContext ctx, bool ambiguous, string whichEn = "Which video?", string whichZh = "是哪个视频？") => ambiguous
        ? Ask(ctx, whichEn + " Say e.g. \"the second video\" or its file name.", whichZh + "例如“第二个视频”或文件名。")
        : Ask(ctx, "Upload a video first (MP4, MOV, AVI, WebM or MKV).", "请先上传一个视频（MP4、MOV、AVI、WebM 或 MKV）。");

    public static Step Help { get; } = new([ToolCall.Of(ToolNames.Help, NoArgs.Instance)]);

    public bool IsClarify => Calls.Count == 1 && Calls[0].Name == ToolNames.Clarify;

    public bool IsHelp => Calls.Count == 1 && Calls[0].Name == ToolNames.Help;
}
