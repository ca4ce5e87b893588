using Cutroom.Contract.Errors;

namespace Cutroom.Contract.Tests.Errors;

/// <summary>The messages and codes of the exception root and its contract subclasses.</summary>
[Trait("Tier", "Fast")]
public class CutroomExceptionTests
{
    [Fact]
    public void A_field_error_reads_field_colon_message()
    {
        var e = new JobInputException(JobErrorCodes.OutOfRange, "every", "must be 1 or more");
        Assert.Equal("every: must be 1 or more", e.Message);
        Assert.Equal(JobErrorCodes.OutOfRange, e.Code);
        Assert.Equal(ErrorKind.BadInput, e.Kind);
        Assert.Equal(new JobError(JobErrorCodes.OutOfRange, "every", "must be 1 or more"), e.Error);
    }

    [Theory]
    [InlineData(JobFields.Request)]
    [InlineData(JobFields.Input)]
    [InlineData("")]
    public void Errors_of_the_request_or_the_input_file_read_as_their_message_alone(string field)
    {
        var e = new JobInputException(new JobError(JobErrorCodes.NotFound, field, "clip.mp4 does not exist"));
        Assert.Equal("clip.mp4 does not exist", e.Message);
        Assert.Equal(ErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public void Several_errors_join_with_semicolons_and_the_first_decides_the_code()
    {
        var e = new JobInputException([
            new JobError(JobErrorCodes.UnsupportedMedia, JobFields.Input, "notes.mp4 is not a video"),
            new JobError(JobErrorCodes.OutOfRange, "width", "must be between 16 and 8192"),
        ]);
        Assert.Equal("notes.mp4 is not a video; width: must be between 16 and 8192", e.Message);
        Assert.Equal(JobErrorCodes.UnsupportedMedia, e.Code);
        Assert.Equal(ErrorKind.UnsupportedMedia, e.Kind);
        Assert.Equal(2, e.Errors.Count);
    }

    [Fact]
    public void An_exception_needs_at_least_one_error() =>
        Assert.Throws<ArgumentException>(() => new JobInputException(Array.Empty<JobError>()));

    [Fact]
    public void Not_enough_credits_says_what_is_needed_and_available()
    {
        var e = new InsufficientCreditsException(5, 2);
        Assert.Equal("this needs 5 credits and 2 are available", e.Message);
        Assert.Equal(JobErrorCodes.InsufficientCredits, e.Code);
        Assert.Equal(ErrorKind.InsufficientCredits, e.Kind);
        Assert.Equal((5, 2), (e.Needed, e.Available));
    }

    [Fact]
    public void A_job_error_names_its_field_when_printed_and_in_a_sentence_only_when_it_is_a_real_field()
    {
        var field = new JobError(JobErrorCodes.OutOfRange, "t[1].sg[0].d", "must be more than 0");
        Assert.Equal("t[1].sg[0].d: must be more than 0", field.ToString());
        Assert.Equal(field.ToString(), field.ToSentence());
        var whole = new JobError(JobErrorCodes.InvalidJson, JobFields.Request, "is not JSON");
        Assert.Equal("$: is not JSON", whole.ToString());
        Assert.Equal("is not JSON", whole.ToSentence());
    }
}
