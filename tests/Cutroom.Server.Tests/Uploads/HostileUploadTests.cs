using System.Buffers.Binary;
using System.Text;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Uploads;

/// <summary>
/// The hostile corpus of docs/security.md §1, §5: playlists and lists dressed up as media (the
/// CVE-2016-1897 / CVE-2017-9993 shape), text, a manifest, a truncated MP4, a decompression-bomb
/// PNG header and an empty file. Each is refused with 4001 by content, whatever its name, and
/// leaves nothing behind.
/// </summary>
public sealed class HostileUploadTests : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Corpus => new()
    {
        "hls-playlist-named.mp4", "avi-header-then-playlist.avi", "ffconcat-named.avi", "m3u8-named.avi",
        "text-named.mp4", "dash-manifest.mpd.mp4", "truncated-cockatoo.mp4", "png-100000x100000.png", "empty.mp4",
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_hostile_file_is_refused_with_4001_and_nothing_is_left_behind(string name)
    {
        var client = await _server.NewClientAsync();
        var version = (await client.StateAsync()).GetProperty("version").GetInt32();

        using var res = await UploadKit.PostAsync(client, UploadKit.Form((Make(name), name)));
        var error = await _server.ReadErrorAsync(res, 415, 4001);

        Assert.Equal([name], UploadKit.RejectedNames(error));
        var reason = error.GetProperty("data").GetProperty("rejected")[0].GetProperty("reason").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.Contains("mp4", error.GetProperty("data").GetProperty("accepted").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("passwd", reason, StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(_server);
        Assert.Equal(version, (await client.StateAsync()).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(100_000, 100_000, "100000x100000, beyond the limit of 8192 px a side and 40 MP")] // beyond what ffmpeg itself will decode: the size is read from its log (issue 17)
    [InlineData(9000, 16, "9000x16, beyond the limit of 8192 px a side")]
    [InlineData(7000, 7000, "7000x7000, beyond the limit of 8192 px a side and 40 MP")]
    public async Task A_png_header_claiming_a_huge_frame_is_refused_for_its_frame_size(int width, int height, string reason)
    {
        var client = await _server.NewClientAsync();
        using var res = await UploadKit.PostAsync(client, UploadKit.Form((HugePng(width, height), "big.png")));
        var refused = (await _server.ReadErrorAsync(res, 415, 4001)).GetProperty("data").GetProperty("rejected")[0].GetProperty("reason").GetString();
        Assert.Contains("'big.png'", refused, StringComparison.Ordinal);
        Assert.Contains(reason, refused, StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(_server);
    }

    [Theory]
    [InlineData("fps", "240 fps, more than the limit of 120 fps")]
    [InlineData("streams", "17 streams, more than the limit of 16")]
    [InlineData("duration", "lasts 4:02:00, longer than the limit of 4:00:00")]
    public async Task Real_media_beyond_the_rate_stream_or_duration_limits_is_refused(string what, string reason)
    {
        var path = what switch
        {
            "fps" => TestMedia.Generate("upload-240fps.mp4", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=240", "-t", "0.5", "-c:v", "libx264"),
            "streams" => TestMedia.Generate("upload-17-streams.mkv", ["-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "0.2",
                .. Enumerable.Range(0, 17).SelectMany(_ => new[] { "-map", "0:a" }), "-c:a", "pcm_s16le"]),
            _ => TestMedia.Generate("upload-4h.mp4", "-f", "lavfi", "-i", "color=black:s=16x16:r=1/60", "-t", "14520", "-c:v", "libx264"),
        };
        var client = await _server.NewClientAsync();
        using var res = await UploadKit.PostAsync(client, UploadKit.FormOf(path));
        var refused = (await _server.ReadErrorAsync(res, 415, 4001)).GetProperty("data").GetProperty("rejected")[0].GetProperty("reason").GetString();
        Assert.Contains(reason, refused, StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(_server);
    }

    [Fact]
    public async Task A_request_with_one_good_and_one_bad_file_keeps_nothing_and_names_only_the_bad_one()
    {
        var client = await _server.NewClientAsync();
        var good = await File.ReadAllBytesAsync(TestMedia.Real("video/cockatoo.mp4"));

        using var res = await UploadKit.PostAsync(client, UploadKit.Form((good, "cockatoo.mp4"), (Make("hls-playlist-named.mp4"), "holiday.mp4")));
        var error = await _server.ReadErrorAsync(res, 415, 4001);

        Assert.Equal(["holiday.mp4"], UploadKit.RejectedNames(error));
        Assert.Contains("HLS playlist", error.GetProperty("data").GetProperty("rejected")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(_server);
        var state = (await client.StateAsync()).GetProperty("state");
        Assert.Equal(0, state.GetProperty("video_infos").GetArrayLength());
        Assert.Equal(0, state.GetProperty("draft").GetProperty("t").EnumerateArray().Sum(t => t.GetProperty("sg").GetArrayLength()));
    }

    [Fact]
    public async Task An_ogg_file_is_real_media_but_not_an_accepted_format()
    {
        var client = await _server.NewClientAsync();
        var ogg = TestMedia.Generate("upload-tone.ogg", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "libvorbis");
        using var res = await UploadKit.PostAsync(client, UploadKit.Form((await File.ReadAllBytesAsync(ogg), "tone.mp3")));
        var error = await _server.ReadErrorAsync(res, 415, 4001);
        Assert.Contains("Ogg", error.GetProperty("data").GetProperty("rejected")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(_server);
    }

    /// <summary>The bytes of a corpus entry.</summary>
    private static byte[] Make(string name) => name switch
    {
        "hls-playlist-named.mp4" => Ascii("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nconcat:file:///etc/passwd|subfile,,start,0,end,0,,:///etc/passwd\n#EXT-X-ENDLIST\n"),
        "avi-header-then-playlist.avi" => [.. AviHeader(), .. Ascii("#EXTM3U\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n")],
        "ffconcat-named.avi" => Ascii("ffconcat version 1.0\nfile /etc/passwd\nduration 10\n"),
        "m3u8-named.avi" => Ascii("\uFEFF#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://169.254.169.254/latest/meta-data/\n#EXT-X-ENDLIST\n"),
        "text-named.mp4" => Ascii("This is a plain text file that claims to be a video.\nIt is not.\n"),
        "dash-manifest.mpd.mp4" => Ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\"><Period><AdaptationSet><Representation><BaseURL>file:///etc/passwd</BaseURL></Representation></AdaptationSet></Period></MPD>\n"),
        "truncated-cockatoo.mp4" => File.ReadAllBytes(TestMedia.Real("video/cockatoo.mp4"))[..(30 * 1024)],
        "png-100000x100000.png" => HugePng(100_000, 100_000),
        "empty.mp4" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Ascii(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary><c>RIFF....AVI LIST....hdrl</c>: what a sniffer sees of an AVI file.</summary>
    private static byte[] AviHeader()
    {
        var b = new byte[24];
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 4096);
        "AVI LIST"u8.CopyTo(b.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(16), 64);
        "hdrl"u8.CopyTo(b.AsSpan(20));
        return b;
    }

    /// <summary>A valid PNG signature and IHDR (correct CRC) claiming <paramref name="width"/>x<paramref name="height"/> RGB, one tiny IDAT, IEND.</summary>
    private static byte[] HugePng(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        Chunk(ms, "IHDR", ihdr);
        Chunk(ms, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(len, (uint)data.Length);
        s.Write(len);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typed));
        s.Write(len);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
