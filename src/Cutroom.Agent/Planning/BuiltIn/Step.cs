using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;

namespace Cutroom.Agent.Planning.BuiltIn;

/// <summary>What one clause asks for: calls, or one clarifying question, or help.</summary>
internal sealed record Step(IReadOnlyList<ToolCall> Calls)
{
    public static Step Of(params ToolCall[] calls) => new(calls);

    public static Step Call<TArgs>(string tool, TArgs args) where TArgs : class => new([ToolCall.Of(tool, args)]);

    public static Step Ask(PlanContext ctx, string en, string zh) => new([ToolCall.Of(ToolNames.Clarify, new ClarifyArgs { Question = ctx.T(en, zh) })]);

    public static Step Help { get; } = new([ToolCall.Of(ToolNames.Help, NoArgs.Instance)]);

    public bool IsClarify => Calls.Count == 1 && Calls[0].Name == ToolNames.Clarify;

    public bool IsHelp => Calls.Count == 1 && Calls[0].Name == ToolNames.Help;
}
