using Cutroom.Engine.Common;

namespace Cutroom.Engine.Tests;

/// <summary>Shared engine context and generated media for the engine tests.</summary>
public static class Engine
{
    /// <summary>The engine over this machine's ffmpeg.</summary>
    public static EngineContext Context { get; } = EngineContext.CreateDefault();

    /// <summary>The DejaVu Sans font (fonts-dejavu-core).</summary>
    public const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>
    /// 250 frames of 320x240 at 25 fps (10 s), H.264 with a keyframe every 25 frames, each frame
    /// showing its index in large digits over testsrc2, plus a 440 Hz tone.
    /// </summary>
    public static string Numbered250 => TestMedia.Generate("numbered250.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=10",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=10",
        "-vf", $"drawtext=fontfile={Font}:text=%{{n}}:fontsize=96:fontcolor=white:box=1:boxcolor=black:x=20:y=60",
        "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
}
