using System.Globalization;
using System.Text.Json;
using Cutroom.Contract.Errors;
using static Cutroom.Server.Tests.Contract.BadFile;

namespace Cutroom.Server.Tests.Contract;

/// <summary>
/// The render table: a one-clip draft of a bad source, rendered by <c>cutroom render</c>, by the
/// agent's <c>export</c> of the same draft in a session, and by <c>POST /api/render/proxy/lambda</c>
/// (whose answer is the contract code, at once or when the job has failed).
/// </summary>
public sealed class RenderContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    /// <summary>Each row: the input and the clip's in-point in the source (ms).</summary>
    private static readonly (ContractRow Row, long SourceInMs)[] Table =
    [
        (new("a clip in-point past the end of its source", Video, JobErrorCodes.OutOfRange, ErrorKind.BadInput, null, null), 20_000),
        (new("a missing file", MissingVideo, JobErrorCodes.NotFound, ErrorKind.NotFound, null, null), 0),
        (new("a text file named .mp4", TextAsVideo, JobErrorCodes.UnsupportedMedia, ErrorKind.UnsupportedMedia, null, null), 0),
        (new("a WAV file on the video track", Sound, JobErrorCodes.UnsupportedMedia, ErrorKind.UnsupportedMedia, null, null), 0),
        (new("a video over the size limit", HugeVideo, JobErrorCodes.OverLimit, ErrorKind.OverLimit, null, null), 0),
        (new("a truncated MP4 that ffmpeg cannot read", TruncatedVideo, null, ErrorKind.MediaFailed, null, null), 0),
    ];

    public static TheoryData<string> Rows => JobTables.Names(Table.Select(t => t.Row));

    /// <summary>A 320x180 draft of one 1 s clip of <paramref name="src"/> from <paramref name="sourceInMs"/> into it.</summary>
    private static string Draft(string src, long sourceInMs) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"v":1,"w":320,"h":180,"fps":30,"d":1000,"t":[{"id":"trk_1","tt":0,"sg":[{"id":"seg_1","src":{{JsonSerializer.Serialize(src)}},"st":0,"d":1000,"so":{{sourceInMs}}}]}]}""");

    [Theory, MemberData(nameof(Rows))]
    public async Task A_bad_render_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string name)
    {
        var (row, sourceIn) = Table.Single(t => t.Row.Name == name);
        using var dir = new TempDir();
        var draftFile = dir.File("draft.json");
        await File.WriteAllTextAsync(draftFile, Draft(row.Input.Make(dir), sourceIn));
        var cli = Task.Run(() => ThreeInterfaces.Cli(["render", draftFile, "-o", dir.File("out.mp4"), "--quality", "low"]));
        var agent = await ThreeInterfaces.AgentAsync(row.Input, dir, (session, media) => ThreeInterfaces.ExportOfAsync(session, Draft(media, sourceIn)));
        var http = await ThreeInterfaces.HttpRenderAsync(fixture.Server, row.Input, dir, media => Draft(media, sourceIn));
        Answer.AssertAgree(row, await cli, agent, http);
    }
}
