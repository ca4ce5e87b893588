using Cutroom.Contract.Errors;
using System.Globalization;
using Cutroom.Timeline.Errors;

namespace Cutroom.Timeline.Validation;

/// <summary>Small helpers that add an error when a value breaks a range or a list, so each rule reads as one line.</summary>
internal static class Rule
{
    public static void Add(List<JobError> errors, string code, string path, string message) => errors.Add(new JobError(code, path, message));

    public static void Range(List<JobError> errors, string path, double? value, double min, double max)
    {
        if (value is { } v && (v < min || v > max))
            Add(errors, JobErrorCodes.OutOfRange, path, $"must be between {Num(min)} and {Num(max)}");
    }

    public static void AtLeastZero(List<JobError> errors, string path, long? value)
    {
        if (value < 0) Add(errors, JobErrorCodes.OutOfRange, path, "must be >= 0");
    }

    public static void OneOf(List<JobError> errors, string path, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
            Add(errors, JobErrorCodes.UnknownValue, path, $"must be one of {string.Join(", ", allowed)} (got \"{value}\")");
    }

    public static void Color(List<JobError> errors, string path, string? value)
    {
        if (value is not null && !Model.DraftLimits.IsValidColor(value))
            Add(errors, JobErrorCodes.UnknownValue, path, $"must be a colour #RRGGBB or #RRGGBBAA (got \"{value}\")");
    }

    public static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
