using System.Globalization;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Common;

/// <summary>Times as the engine's messages write them for people.</summary>
internal static class TimeWords
{
    /// <summary>Seconds without trailing zeros: <c>1.5 s</c>, <c>20 s</c>, <c>600 s</c>.</summary>
    public static string Seconds(MediaTime time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.ToFFmpeg().TrimEnd('0').TrimEnd('.')} s");
}
