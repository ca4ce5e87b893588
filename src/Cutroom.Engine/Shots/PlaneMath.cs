using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Cutroom.Engine.Shots;

/// <summary>
/// Sums over two 8-bit planes of the same size, 16 pixels at a time (SSE2 <c>psadbw</c> where the
/// CPU has it, a scalar loop elsewhere). The shot detector runs these several times per frame,
/// so they are the hot loop of the analysis after ffmpeg's decoding.
/// </summary>
internal static class PlaneMath
{
    /// <summary>Σ |a[i] − b[i]| over the planes (equal lengths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long SumAbsDiff(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("planes differ in size");
        long sum = 0;
        var i = 0;
        if (Sse2.IsSupported)
        {
            var acc = Vector128<ulong>.Zero;
            for (; i + 16 <= a.Length; i += 16)
            {
                var va = Vector128.Create(a.Slice(i, 16));
                var vb = Vector128.Create(b.Slice(i, 16));
                acc = Sse2.Add(acc, Sse2.SumAbsoluteDifferences(va, vb).AsUInt64());
            }
            sum = (long)(acc.GetElement(0) + acc.GetElement(1));
        }
        for (; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum;
    }

    /// <summary>
    /// Σ of the hue distance on the colour circle, <c>min(|a − b|, 180 − |a − b|)</c>, for hue planes
    /// in OpenCV units (0-179): red at 0 and red at 179 are one step apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long SumHueDiff(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("planes differ in size");
        long sum = 0;
        var i = 0;
        if (Sse2.IsSupported)
        {
            var acc = Vector128<ulong>.Zero;
            var half = Vector128.Create((byte)180);
            for (; i + 16 <= a.Length; i += 16)
            {
                var va = Vector128.Create(a.Slice(i, 16));
                var vb = Vector128.Create(b.Slice(i, 16));
                var d = Sse2.Subtract(Sse2.Max(va, vb), Sse2.Min(va, vb));
                var wrapped = Sse2.Min(d, Sse2.SubtractSaturate(half, d));
                acc = Sse2.Add(acc, Sse2.SumAbsoluteDifferences(wrapped, Vector128<byte>.Zero).AsUInt64());
            }
            sum = (long)(acc.GetElement(0) + acc.GetElement(1));
        }
        for (; i < a.Length; i++)
        {
            var d = Math.Abs(a[i] - b[i]);
            sum += d > 90 ? 180 - d : d;
        }
        return sum;
    }
}
