namespace Cutroom.Contract.Output;

/// <summary>
/// How much quality (and file size, and encoding time) an output gets. Each level maps to a
/// constant-quality setting and an encoder speed per codec in <see cref="OutputSpecs"/>.
/// </summary>
public enum OutputQuality
{
    /// <summary>Small files, fast encoding; visible softness on detailed scenes.</summary>
    Low,
    /// <summary>The default: x264's own default quality (CRF 23).</summary>
    Medium,
    /// <summary>Close to visually lossless (CRF 18), larger files, slower encoding.</summary>
    High,
}
