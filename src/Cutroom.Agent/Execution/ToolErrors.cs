using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Contract.Errors;

namespace Cutroom.Agent.Execution;

/// <summary>
/// The agent's side of the job contract: a coded failure of a tool's job becomes a chat sentence
/// (English or Chinese) that names the tool argument of each field, and <c>functionResponse</c>
/// data with the code (<c>{"ok":false,"error":"out_of_range","field":"every_n","message":...}</c>).
/// </summary>
public static class ToolErrors
{
    /// <summary>
    /// The tool argument of a field: <paramref name="field"/> itself, or with <c>_ms</c> or <c>_n</c>
    /// (times and counts), when the tool has such an argument; <c>media</c> for the input file; a
    /// draft JSON path or an unknown field as it is.
    /// </summary>
    /// <param name="tool">The tool that ran.</param>
    /// <param name="field">A <see cref="JobError.Field"/>.</param>
    public static string ArgumentOf(ITool tool, string field)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(field);
        if (field == JobFields.Input) return "media";
        var names = ArgumentNames(tool.ArgumentType);
        foreach (var candidate in (string[])[field, field + "_ms", field + "_n"])
            if (names.Contains(candidate)) return candidate;
        return field;
    }

    /// <summary>What to tell the user, in their language: <c>extract_frames failed: every_n must be 1 or more.</c></summary>
    /// <param name="tool">The tool that ran.</param>
    /// <param name="failure">Its failure.</param>
    /// <param name="chinese">Answer in Chinese.</param>
    public static string Sentence(ITool tool, CutroomException failure, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(failure);
        var detail = string.Join("; ", failure.Errors.Select(e => Describe(tool, e)));
        if (!chinese) return $"{tool.Name} failed: {detail}" + (detail.EndsWith('.') ? "" : ".");
        // The engine writes its details in English: a Chinese reply keeps only details written in Chinese (the executors'), else the code.
        var zh = failure.Errors.Where(e => e.Message.Any(IsHan)).Select(e => Describe(tool, e)).ToList();
        var field = ArgumentOf(tool, failure.Error.Field);
        var what = zh.Count > 0 ? string.Join("；", zh)
            : failure.Error.Field is JobFields.Request or JobFields.Input or "" ? $"错误代码 {failure.Error.Code}" : $"{field}，错误代码 {failure.Error.Code}";
        return $"{ToolNameZh(tool.Name)}失败：{ChineseKind(failure.Kind)}（{what}）。";
    }

    /// <summary>The <c>functionResponse</c> data of a failure: ok false, the code, the argument and the message of the main error.</summary>
    public static JsonObject Data(ITool tool, CutroomException failure)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(failure);
        return Data(failure.Error, ArgumentOf(tool, failure.Error.Field) is var a && a != JobFields.Request ? a : null);
    }

    /// <summary>The <c>functionResponse</c> data of one error: <c>{"ok":false,"error":code,"kind","field","message"}</c>.</summary>
    /// <param name="error">The error.</param>
    /// <param name="field">The name the caller knows the field by (a tool argument, a draft path), or null for none.</param>
    public static JsonObject Data(JobError error, string? field)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JsonObject
        {
            ["ok"] = false,
            ["error"] = error.Code,
            ["kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(error.Kind.ToString()),
            ["field"] = field,
            ["message"] = error.Message,
        };
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>A tool's name in Chinese (the reply of a Chinese session names no English tool).</summary>
    private static string ToolNameZh(string tool) => tool switch
    {
        ToolNames.ExtractFrames => "导出视频帧",
        ToolNames.Thumbnail => "生成封面图",
        ToolNames.ContactSheet => "生成缩略图墙",
        ToolNames.Probe => "读取视频信息",
        ToolNames.Summarize => "生成摘要",
        ToolNames.Highlights => "提取精彩片段",
        ToolNames.Trim => "剪辑",
        ToolNames.Convert => "转换",
        ToolNames.Export => "导出视频",
        _ => tool + " ",
    };

    private static string Describe(ITool tool, JobError e) =>
        e.Field is JobFields.Request or JobFields.Input or "" ? e.Message : $"{ArgumentOf(tool, e.Field)}: {e.Message}";

    /// <summary>The kind of failure in Chinese, before the (English) detail.</summary>
    private static string ChineseKind(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => "参数有误",
        ErrorKind.NotFound => "找不到所需的文件或素材",
        ErrorKind.UnsupportedMedia => "不支持该媒体",
        ErrorKind.OverLimit => "超出服务限制",
        ErrorKind.InsufficientCredits => "积分不足",
        ErrorKind.MediaFailed => "媒体无法读取或处理失败",
        ErrorKind.ToolMissing => "服务器缺少所需组件",
        _ => "内部错误",
    };

    private static HashSet<string> ArgumentNames(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
                         ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))];
}
