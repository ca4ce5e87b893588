using System.Text.Json.Serialization;

namespace Cutroom.Engine.Shots;

/// <summary>How one shot gives way to the next.</summary>
[JsonConverter(typeof(Analysis.LowerCaseEnumConverter<TransitionKind>))]
public enum TransitionKind
{
    /// <summary>A hard cut: the new shot's first frame follows the old shot's last frame.</summary>
    Cut,
    /// <summary>A fade through black: the boundary is placed in the middle of the black frames.</summary>
    Fade,
}

/// <summary>A detected shot boundary: the first frame of a new shot.</summary>
/// <param name="Frame">Index of the new shot's first frame, among the frames the detector saw (0-based).</param>
/// <param name="Score">The content difference (0-255, HSV mean) that made it a boundary.</param>
/// <param name="Kind">Cut or fade.</param>
public readonly record struct ShotBoundary(int Frame, double Score, TransitionKind Kind);
