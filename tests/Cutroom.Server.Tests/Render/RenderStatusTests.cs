using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;
using Cutroom.Server.Render;
using Cutroom.Timeline.Model;

namespace Cutroom.Server.Tests.Render;

/// <summary>What a render's status and download say to a person (issue 21 item 10): a 5000 failure carries the id to report, the file a readable name.</summary>
[Trait("Tier", "Fast")]
public sealed class RenderStatusTests
{
    private static JobRow Failed(int code) => new()
    {
        Id = "job_abc", Kind = JobKinds.Render, AccountId = "acc_1", SessionId = "ses_1", Status = JobStates.Failed,
        ErrorCode = code, ErrorMessage = "the render failed", ExternalId = "render_1",
    };

    [Fact]
    public void A_failed_render_with_5000_carries_a_request_id_and_other_codes_do_not()
    {
        Assert.Equal("job_abc", RenderStatus.Describe(Failed(5000), k => k).Error!.RequestId);
        Assert.Null(RenderStatus.Describe(Failed(4000), k => k).Error!.RequestId);
    }

    [Fact]
    public void The_download_is_named_after_the_title_else_the_first_upload_never_render()
    {
        var draft = Draft.Create() with
        {
            Tracks = [new Track { Id = "trk_1", Type = TrackType.Video, Segments = [new Segment { Id = "seg_1", Src = "med_1", StartMs = 0, DurationMs = 1000 }] }],
        };
        var media = new Dictionary<string, RenderSource> { ["med_1"] = new("med_1", "cockatoo.mp4", true, true, "/data/files/ab/fab123.mp4") };
        Assert.Equal("cockatoo-export", RenderJobHandler.DownloadTitle(draft, media));
        Assert.Equal("Summer Sale", RenderJobHandler.DownloadTitle(draft with { Meta = draft.Meta with { Title = " Summer Sale " } }, media));
        Assert.Equal("export", RenderJobHandler.DownloadTitle(Draft.Create(), media));
    }
}
