using Cutroom.Contract.Errors;

namespace Cutroom.Engine.Render;

/// <summary>
/// A draft cannot be rendered: it is invalid or empty, or refers to media that is missing or cannot
/// be where it is placed. The <see cref="JobError.Field"/> of each error is a JSON path into the draft
/// (<c>t[1].sg[0].src</c>); its code tells the kind (bad input, <c>not_found</c>, <c>unsupported_media</c>...).
/// </summary>
public sealed class RenderInputException : CutroomException
{
    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="jsonPath">Where in the draft.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="code">One of <see cref="JobErrorCodes"/>.</param>
    public RenderInputException(string jsonPath, string message, string code)
        : base([new JobError(code, jsonPath, message)]) { }

    /// <summary>Creates the exception for several problems.</summary>
    /// <param name="errors">At least one problem, each at a JSON path of the draft.</param>
    public RenderInputException(IReadOnlyList<JobError> errors) : base(errors) { }
}
