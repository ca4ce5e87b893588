namespace Cutroom.Contract.Errors;

/// <summary>
/// Field names shared by many jobs' requests, so that every interface maps the same word: the
/// input file, the output path, the time range. A job's own fields are named where its request is.
/// </summary>
public static class JobFields
{
    /// <summary>The request as a whole (also the root of a draft's JSON paths).</summary>
    public const string Request = "$";

    /// <summary>The input media file.</summary>
    public const string Input = "input";

    /// <summary>The output file or folder.</summary>
    public const string Output = "output";

    /// <summary>The start of the time range (inclusive).</summary>
    public const string Start = "start";

    /// <summary>The end of the time range (exclusive).</summary>
    public const string End = "end";

    /// <summary>The output width in pixels.</summary>
    public const string Width = "width";

    /// <summary>The output height in pixels.</summary>
    public const string Height = "height";

    /// <summary>The output container format.</summary>
    public const string Format = "format";

    /// <summary>The output quality level.</summary>
    public const string Quality = "quality";

    /// <summary>The output duration.</summary>
    public const string Duration = "duration";
}
