namespace Cutroom.Agent.Credits;

/// <summary>
/// A price rule: <c>Base + PerUnit × ⌈duration / UnitMs⌉</c> credits, where duration is the
/// length of the media the call processes (0 for stills or when unknown).
/// </summary>
/// <param name="Base">Credits per call.</param>
/// <param name="PerUnit">Credits per started unit of source duration.</param>
/// <param name="UnitMs">The unit (ms); ignored when <paramref name="PerUnit"/> is 0.</param>
public sealed record CreditPrice(int Base, int PerUnit = 0, long UnitMs = 60_000)
{
    /// <summary>A free tool.</summary>
    public static CreditPrice Free { get; } = new(0);

    /// <summary>The estimate for a source of <paramref name="durationMs"/>.</summary>
    /// <param name="durationMs">Source duration (ms), or null when unknown (counts as one unit).</param>
    public int For(long? durationMs)
    {
        if (PerUnit == 0 || UnitMs <= 0) return Base;
        var units = durationMs is > 0 ? (int)Math.Min(10_000, (durationMs.Value + UnitMs - 1) / UnitMs) : 1;
        return Base + PerUnit * units;
    }
}
