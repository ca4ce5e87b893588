using System.Globalization;
using Cutroom.Timeline.Errors;

namespace Cutroom.Timeline.Validation;

/// <summary>Small helpers that add an error when a value breaks a range or a list, so each rule reads as one line.</summary>
internal static class Rule
{
    public static void Add(List<EditError> errors, string code, string path, string message) => errors.Add(new EditError(code, message, path));

    public static void Range(List<EditError> errors, string path, double? value, double min, double max)
    {
        if (value is { } v && (v < min || v > max))
            Add(errors, ErrorCodes.OutOfRange, path, $"must be between {Num(min)} and {Num(max)}");
    }

    public static void AtLeastZero(List<EditError> errors, string path, long? value)
    {
        if (value < 0) Add(errors, ErrorCodes.OutOfRange, path, "must be >= 0");
    }

    public static void OneOf(List<EditError> errors, string path, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
            Add(errors, ErrorCodes.UnknownValue, path, $"must be one of {string.Join(", ", allowed)} (got \"{value}\")");
    }

    public static void Color(List<EditError> errors, string path, string? value)
    {
        if (value is not null && !Model.DraftLimits.IsValidColor(value))
            Add(errors, ErrorCodes.UnknownValue, path, $"must be a colour #RRGGBB or #RRGGBBAA (got \"{value}\")");
    }

    public static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
