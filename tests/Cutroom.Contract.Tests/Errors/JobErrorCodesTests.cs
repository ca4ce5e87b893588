using System.Reflection;
using System.Text.RegularExpressions;
using Cutroom.Contract.Errors;

namespace Cutroom.Contract.Tests.Errors;

/// <summary>The one code list: every code has its kind, and a new code without one fails here.</summary>
[Trait("Tier", "Fast")]
public partial class JobErrorCodesTests
{
    /// <summary>The kind each code must have. A new code needs a row here (and a case in KindOf).</summary>
    private static readonly Dictionary<string, ErrorKind> Expected = new()
    {
        ["invalid_json"] = ErrorKind.BadInput,
        ["wrong_type"] = ErrorKind.BadInput,
        ["duplicate_key"] = ErrorKind.BadInput,
        ["required"] = ErrorKind.BadInput,
        ["out_of_range"] = ErrorKind.BadInput,
        ["not_even"] = ErrorKind.BadInput,
        ["unknown_value"] = ErrorKind.BadInput,
        ["unknown_track_type"] = ErrorKind.BadInput,
        ["bad_id"] = ErrorKind.BadInput,
        ["duplicate_id"] = ErrorKind.BadInput,
        ["overlap"] = ErrorKind.BadInput,
        ["not_adjacent"] = ErrorKind.BadInput,
        ["not_applicable"] = ErrorKind.BadInput,
        ["nothing_selected"] = ErrorKind.BadInput,
        ["output_exists"] = ErrorKind.BadInput,
        ["not_found"] = ErrorKind.NotFound,
        ["unsupported_media"] = ErrorKind.UnsupportedMedia,
        ["over_limit"] = ErrorKind.OverLimit,
        ["insufficient_credits"] = ErrorKind.InsufficientCredits,
        ["media_unreadable"] = ErrorKind.MediaFailed,
        ["ffmpeg_failed"] = ErrorKind.MediaFailed,
        ["output_invalid"] = ErrorKind.MediaFailed,
        ["tool_missing"] = ErrorKind.ToolMissing,
        ["internal"] = ErrorKind.Internal,
    };

    /// <summary>Every public constant of JobErrorCodes, read by reflection.</summary>
    public static TheoryData<string> AllCodes()
    {
        var data = new TheoryData<string>();
        foreach (var code in Codes()) data.Add(code);
        return data;
    }

    private static IEnumerable<string> Codes() =>
        typeof(JobErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Every_code_maps_to_its_kind(string code)
    {
        Assert.True(Expected.TryGetValue(code, out var kind), $"the code '{code}' has no expected kind in this test: add it to the table");
        Assert.Equal(kind, JobErrorCodes.KindOf(code));
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Only_the_internal_code_falls_to_the_internal_kind(string code)
    {
        if (code != JobErrorCodes.Internal)
            Assert.True(JobErrorCodes.KindOf(code) != ErrorKind.Internal, $"'{code}' has no case in JobErrorCodes.KindOf");
    }

    [Fact]
    public void The_table_lists_no_code_that_does_not_exist() =>
        Assert.Empty(Expected.Keys.Except(Codes()));

    [Fact]
    public void Codes_are_distinct_snake_case_words()
    {
        var codes = Codes().ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(SnakeCase(), c));
    }

    [Fact]
    public void Every_kind_but_internal_has_a_code_of_its_own() =>
        Assert.Equal(Enum.GetValues<ErrorKind>().Order(), Codes().Select(JobErrorCodes.KindOf).Distinct().Order());

    [Fact]
    public void An_unknown_code_is_internal() =>
        Assert.Equal(ErrorKind.Internal, JobErrorCodes.KindOf("no_such_code"));

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
