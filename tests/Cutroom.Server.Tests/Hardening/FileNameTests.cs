using Cutroom.Server.Storage;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>Client file names lose bidirectional controls and other format characters (issue 17: <c>\u202Egnp.exe.mp4</c> survived).</summary>
[Trait("Tier", "Fast")]
public sealed class FileNameTests
{
    [Theory]
    [InlineData("\u202Egnp.exe.mp4", "gnp.exe.mp4")]               // right-to-left override
    [InlineData("a\u2066b\u2069c\u200F.mp4", "abc.mp4")]             // isolates and the RLM
    [InlineData("\uFEFFclip\u200B\u200D.mov", "clip.mov")]          // BOM, zero-width space and joiner
    [InlineData("soft\u00ADhyphen.jpg", "softhyphen.jpg")]
    [InlineData("line\u2028break\u2029.png", "linebreak.png")]
    [InlineData("a\uD800b.mp4", "ab.mp4")]                           // a lone surrogate
    [InlineData("\u202E", "file")]
    [InlineData("视频 1.mp4", "视频 1.mp4")]
    [InlineData("👩‍👩‍👧.mp4", "👩👩👧.mp4")]                          // the joiner is Cf too: the emoji stay, apart
    [InlineData("عربي.mp4", "عربي.mp4")]                              // right-to-left text itself is fine
    public void Format_characters_are_removed_and_readable_text_stays(string given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitize(given));

    [Fact]
    public void A_long_name_is_cut_without_splitting_a_surrogate_pair()
    {
        var name = FileNames.Sanitize(new string('a', 113) + string.Concat(Enumerable.Repeat("😀", 20)) + ".mp4");
        Assert.True(name.Length <= 120);
        Assert.EndsWith(".mp4", name, StringComparison.Ordinal);
        for (var i = 0; i < name.Length; i++)
            if (char.IsHighSurrogate(name[i])) Assert.True(i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]));
    }
}
