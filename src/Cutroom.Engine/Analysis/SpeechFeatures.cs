namespace Cutroom.Engine.Analysis;

/// <summary>
/// Per-20 ms features of 16 kHz mono audio, computed while the samples stream in: level (dBFS,
/// RMS), the share of the energy in the telephone speech band 300-3400 Hz (ITU-T G.712), and the
/// zero-crossing rate. From them <see cref="SpeechPerSecond"/> gives a speech likelihood per second.
/// The band filter is a 2nd-order high-pass at 300 Hz followed by a 2nd-order low-pass at 3400 Hz
/// (biquads from R. Bristow-Johnson's "Audio EQ Cookbook", Q = 1/√2).
/// </summary>
internal sealed class SpeechFeatures
{
    /// <summary>Sample rate the features expect (Hz).</summary>
    public const int SampleRate = 16_000;

    /// <summary>Samples per analysis frame (20 ms).</summary>
    public const int FrameSamples = 320;

    /// <summary>Analysis frames per second.</summary>
    public const int FramesPerSecond = SampleRate / FrameSamples;

    /// <summary>The level a digital silence frame gets (dBFS).</summary>
    public const float FloorDb = -100;

    private readonly Biquad _highPass = Biquad.HighPass(300, SampleRate);
    private readonly Biquad _lowPass = Biquad.LowPass(3400, SampleRate);
    private readonly List<float> _levelDb = [];
    private readonly List<float> _bandShare = [];
    private readonly List<float> _zcr = [];

    /// <summary>Per 20 ms frame: RMS level in dBFS (at least <see cref="FloorDb"/>).</summary>
    public IReadOnlyList<float> LevelDb => _levelDb;
    /// <summary>Per frame: speech-band energy over total energy, 0-1.</summary>
    public IReadOnlyList<float> BandShare => _bandShare;
    /// <summary>Per frame: zero crossings per sample, 0-1.</summary>
    public IReadOnlyList<float> ZeroCrossingRate => _zcr;

    /// <summary>Adds one frame of little-endian signed 16-bit samples (<paramref name="length"/> bytes; a short last frame is fine).</summary>
    public void Add(byte[] pcm, int length)
    {
        var n = length / 2;
        if (n == 0) return;
        double total = 0, band = 0;
        var crossings = 0;
        var prev = 0;
        for (var i = 0; i < n; i++)
        {
            int s = (short)(pcm[2 * i] | (pcm[2 * i + 1] << 8));
            var x = s / 32768.0;
            total += x * x;
            var y = _lowPass.Process(_highPass.Process(x));
            band += y * y;
            if (i > 0 && (s >= 0) != (prev >= 0)) crossings++;
            prev = s;
        }
        var rms = Math.Sqrt(total / n);
        _levelDb.Add(rms <= 1e-5 ? FloorDb : (float)Math.Max(FloorDb, 20 * Math.Log10(rms)));
        _bandShare.Add(total <= 1e-12 ? 0 : (float)Math.Clamp(band / total, 0, 1));
        _zcr.Add((float)crossings / n);
    }

    /// <summary>
    /// Speech likelihood per second (0-1): the share of the second's 20 ms frames that are active
    /// (at least 15 dB over the file's noise floor, the 10th percentile of frame levels, and above
    /// -55 dBFS), mostly in the speech band (share ≥ 0.5) with a voice-like zero-crossing rate
    /// (0.01-0.35 per sample), times a syllable factor: the spread (standard deviation) of frame
    /// levels in the second, 0 at 3 dB (steady tones, music beds) rising to 1 at 9 dB — speech
    /// is modulated at the syllable rate of about 4 Hz (Scheirer and Slaney, ICASSP 1997, use the
    /// same 4 Hz modulation energy to tell speech from music).
    /// </summary>
    public double[] SpeechPerSecond(int seconds)
    {
        var result = new double[seconds];
        if (_levelDb.Count == 0) return result;
        var floor = Percentile(_levelDb, 0.10);
        for (var sec = 0; sec < seconds; sec++)
        {
            var from = sec * FramesPerSecond;
            var to = Math.Min(_levelDb.Count, from + FramesPerSecond);
            if (to - from < 5) continue;
            var active = 0;
            double sum = 0, sumSq = 0;
            for (var i = from; i < to; i++)
            {
                var level = _levelDb[i];
                sum += level; sumSq += (double)level * level;
                if (level > floor + 15 && level > -55 && _bandShare[i] >= 0.5 && _zcr[i] is >= 0.01f and <= 0.35f) active++;
            }
            var count = to - from;
            var mean = sum / count;
            var spread = Math.Sqrt(Math.Max(0, sumSq / count - mean * mean));
            var syllables = Math.Clamp((spread - 3) / 6, 0, 1);
            result[sec] = Math.Round((double)active / count * syllables, 3);
        }
        return result;
    }

    internal static float Percentile(IReadOnlyList<float> values, double p)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[(int)Math.Clamp(Math.Round(p * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }

    /// <summary>A direct-form-I biquad (RBJ cookbook coefficients).</summary>
    private sealed class Biquad
    {
        private readonly double _b0, _b1, _b2, _a1, _a2;
        private double _x1, _x2, _y1, _y2;

        private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
        {
            _b0 = b0 / a0; _b1 = b1 / a0; _b2 = b2 / a0; _a1 = a1 / a0; _a2 = a2 / a0;
        }

        public static Biquad LowPass(double f0, double fs)
        {
            var (cos, alpha) = Angles(f0, fs);
            return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
        }

        public static Biquad HighPass(double f0, double fs)
        {
            var (cos, alpha) = Angles(f0, fs);
            return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
        }

        private static (double Cos, double Alpha) Angles(double f0, double fs)
        {
            var w0 = 2 * Math.PI * f0 / fs;
            return (Math.Cos(w0), Math.Sin(w0) / (2 * Math.Sqrt(0.5)));
        }

        public double Process(double x)
        {
            var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
            _x2 = _x1; _x1 = x; _y2 = _y1; _y1 = y;
            return y;
        }
    }
}
