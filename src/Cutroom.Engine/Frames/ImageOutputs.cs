using Cutroom.Contract.Errors;

namespace Cutroom.Engine.Frames;

/// <summary>The checks every request that writes one image file shares (thumbnail, contact sheet).</summary>
internal static class ImageOutputs
{
    /// <summary>Adds the problems of an image output: a missing path, an extension that names no image format, a quality out of range.</summary>
    /// <param name="errors">Where the problems go.</param>
    /// <param name="path">The output file (field <c>output</c>).</param>
    /// <param name="quality">The quality (field <c>quality</c>).</param>
    public static void Check(JobErrorList errors, string path, int quality)
    {
        if (string.IsNullOrWhiteSpace(path)) errors.Add(JobErrorCodes.Required, JobFields.Output, "is required");
        else if (ImageFormats.FromPath(path) is null)
            errors.Add(JobErrorCodes.UnknownValue, JobFields.Output, $"must end in {ImageFormats.Extensions} (got '{Path.GetExtension(path)}')");
        errors.InRange(JobFields.Quality, quality, ImageQuality.Min, ImageQuality.Max, maxIsLimit: false);
    }

    /// <summary>The format of an image output.</summary>
    /// <exception cref="JobInputException"><see cref="JobErrorCodes.UnknownValue"/> when the extension names no image format.</exception>
    public static ImageFormat FormatOf(string path) => ImageFormats.FromPath(path)
        ?? throw new JobInputException(JobErrorCodes.UnknownValue, JobFields.Output, $"must end in {ImageFormats.Extensions} (got '{Path.GetExtension(path)}')");
}
