using Cutroom.Contract.Errors;

namespace Cutroom.Contract.Tests.Errors;

/// <summary>JobErrorList collects every problem in order; ThrowIfAny throws them all at once.</summary>
[Trait("Tier", "Fast")]
public class JobErrorListTests
{
    [Fact]
    public void An_empty_list_does_not_throw()
    {
        var list = new JobErrorList();
        list.ThrowIfAny();
        Assert.Empty(list.Errors);
    }

    [Fact]
    public void Require_adds_only_when_the_condition_is_false()
    {
        var list = new JobErrorList()
            .Require(true, JobErrorCodes.Required, "a", "is needed")
            .Require(false, JobErrorCodes.Required, "b", "is needed");
        Assert.Equal([new JobError(JobErrorCodes.Required, "b", "is needed")], list.Errors);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(1L, null, null)]
    [InlineData(10L, null, null)]
    [InlineData(0L, JobErrorCodes.OutOfRange, "must be between 1 and 10 frames")]
    [InlineData(11L, JobErrorCodes.OverLimit, "must be between 1 and 10 frames")]
    public void InRange_checks_both_bounds_and_lets_a_missing_value_pass(long? value, string? code, string? message)
    {
        var list = new JobErrorList().InRange("count", value, 1, 10, " frames");
        if (message is null) Assert.Empty(list.Errors);
        else Assert.Equal([new JobError(code!, "count", message)], list.Errors);
    }

    [Fact]
    public void Above_the_end_of_a_scale_is_out_of_range_not_over_a_limit()
    {
        var e = Assert.Single(new JobErrorList().InRange("quality", 101, 1, 100, maxIsLimit: false).Errors);
        Assert.Equal(JobErrorCodes.OutOfRange, e.Code);
    }

    [Fact]
    public void InRange_without_a_maximum_says_or_more()
    {
        var e = Assert.Single(new JobErrorList().InRange("every", 0, 1, long.MaxValue).Errors);
        Assert.Equal("every: must be 1 or more", e.ToString());
        Assert.Equal(ErrorKind.BadInput, e.Kind);
    }

    [Fact]
    public void ThrowIfAny_throws_every_problem_in_the_order_found()
    {
        var list = new JobErrorList()
            .Add(JobErrorCodes.OverLimit, "count", "must be at most 10000")
            .InRange("width", 8, 16, 8192, " pixels")
            .Add(JobErrorCodes.NotFound, JobFields.Input, "clip.mp4 does not exist");
        var e = Assert.Throws<JobInputException>(list.ThrowIfAny);
        Assert.Equal([JobErrorCodes.OverLimit, JobErrorCodes.OutOfRange, JobErrorCodes.NotFound], e.Errors.Select(x => x.Code));
        Assert.Equal(JobErrorCodes.OverLimit, e.Code);
        Assert.Equal(ErrorKind.OverLimit, e.Kind);
        Assert.Equal("count: must be at most 10000; width: must be between 16 and 8192 pixels; clip.mp4 does not exist", e.Message);
    }

    [Fact]
    public void The_thrown_errors_are_a_snapshot_of_the_list()
    {
        var list = new JobErrorList().Add(JobErrorCodes.Required, "a", "is needed");
        var e = Assert.Throws<JobInputException>(list.ThrowIfAny);
        list.Add(JobErrorCodes.Required, "b", "is needed");
        Assert.Single(e.Errors);
    }
}
