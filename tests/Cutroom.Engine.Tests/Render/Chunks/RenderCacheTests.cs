using Cutroom.Engine.Render.Chunks;

namespace Cutroom.Engine.Tests.Render.Chunks;

/// <summary>The render cache on disk: pieces by key, least recently used evicted first, linked out so an eviction cannot break a join.</summary>
[Trait("Tier", "Fast")]
public class RenderCacheTests
{
    private static string Piece(string dir, string name, int bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, Enumerable.Repeat((byte)name[0], bytes).ToArray());
        return path;
    }

    [Fact]
    public void A_stored_piece_is_taken_by_its_key_and_survives_a_new_cache_over_the_same_folder()
    {
        using var dir = new TempDir();
        var cache = new RenderCache(Path.Combine(dir.Path, "cache"), 1 << 20);
        cache.Put("k1", ".mp4", Piece(dir.Path, "a.bin", 1000));
        var again = new RenderCache(Path.Combine(dir.Path, "cache"), 1 << 20);   // a restart
        var taken = Path.Combine(dir.Path, "taken.mp4");
        Assert.True(again.TryTake("k1", ".mp4", taken));
        Assert.Equal(1000, new FileInfo(taken).Length);
        Assert.False(again.TryTake("k2", ".mp4", Path.Combine(dir.Path, "none.mp4")));
    }

    [Fact]
    public void Over_its_limit_the_cache_deletes_the_least_recently_used_pieces_first()
    {
        using var dir = new TempDir();
        var cache = new RenderCache(Path.Combine(dir.Path, "cache"), 1 << 20);   // 1 MiB
        cache.Put("old", ".mp4", Piece(dir.Path, "o.bin", 400_000));
        cache.Put("used", ".mp4", Piece(dir.Path, "u.bin", 400_000));
        File.SetLastWriteTimeUtc(cache.PathOf("old", ".mp4"), DateTime.UtcNow.AddMinutes(-10));
        File.SetLastWriteTimeUtc(cache.PathOf("used", ".mp4"), DateTime.UtcNow.AddMinutes(-20));
        Assert.True(cache.TryTake("used", ".mp4", Path.Combine(dir.Path, "t.mp4")));   // a use makes it the most recent
        cache.Put("new", ".mp4", Piece(dir.Path, "n.bin", 400_000));
        Assert.False(File.Exists(cache.PathOf("old", ".mp4")));
        Assert.True(File.Exists(cache.PathOf("used", ".mp4")));
        Assert.True(File.Exists(cache.PathOf("new", ".mp4")));
        Assert.True(cache.SizeBytes() <= cache.MaxBytes);
    }

    [Fact]
    public void A_piece_taken_by_a_render_stays_readable_after_it_is_evicted()
    {
        using var dir = new TempDir();
        var cache = new RenderCache(Path.Combine(dir.Path, "cache"), 1 << 20);
        cache.Put("k", ".mp4", Piece(dir.Path, "k.bin", 300_000));
        var taken = Path.Combine(dir.Path, "work.mp4");
        Assert.True(cache.TryTake("k", ".mp4", taken));
        File.Delete(cache.PathOf("k", ".mp4"));
        Assert.Equal(300_000, File.ReadAllBytes(taken).Length);
    }

    [Fact]
    public void Concurrent_stores_of_one_key_leave_one_whole_piece_and_no_temporaries()
    {
        using var dir = new TempDir();
        var cache = new RenderCache(Path.Combine(dir.Path, "cache"), 64 << 20);
        var sources = Enumerable.Range(0, 8).Select(i => Piece(dir.Path, $"s{i}.bin", 200_000)).ToList();
        Parallel.ForEach(sources, s => cache.Put("same", ".mp4", s));
        var files = Directory.GetFiles(cache.Folder);
        Assert.Single(files);
        Assert.Equal(200_000, new FileInfo(files[0]).Length);
    }
}
