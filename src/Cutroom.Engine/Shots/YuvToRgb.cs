namespace Cutroom.Engine.Shots;

/// <summary>
/// Lookup tables that turn 8-bit limited-range Y'CbCr (Y 16-235, Cb/Cr 16-240) into R'G'B' 0-255
/// in 10-bit fixed point, for the BT.601 or BT.709 matrix (ITU-R BT.601-7 §2.5, BT.709-6 item 3.2/3.3):
/// <c>R = 1.164 (Y−16) + Kr·(Cr−128)</c>, <c>G = 1.164 (Y−16) − Kgu·(Cb−128) − Kgv·(Cr−128)</c>,
/// <c>B = 1.164 (Y−16) + Kb·(Cb−128)</c>.
/// </summary>
internal sealed class YuvToRgb
{
    /// <summary>
    /// The code value at or below which <c>blackdetect</c> counts a pixel as black with its default
    /// <c>pix_th=0.1</c> on limited-range video: <c>16 + 0.1 × (235 − 16)</c>, truncated (libavfilter/vf_blackdetect.c).
    /// </summary>
    public const int BlackCodeValue = 37;

    /// <summary>BT.601 (standard definition, and the default for video below 720 lines).</summary>
    public static readonly YuvToRgb Bt601 = new(1.596, 0.392, 0.813, 2.017);

    /// <summary>BT.709 (HD).</summary>
    public static readonly YuvToRgb Bt709 = new(1.793, 0.213, 0.533, 2.112);

    private YuvToRgb(double kr, double kgu, double kgv, double kb)
    {
        for (var i = 0; i < 256; i++)
        {
            Y[i] = (int)Math.Round(1.164 * (i - 16) * 1024) + 512;   // + 0.5 for rounding in the final >> 10
            Rv[i] = (int)Math.Round(kr * (i - 128) * 1024);
            Gu[i] = (int)Math.Round(kgu * (i - 128) * 1024);
            Gv[i] = (int)Math.Round(kgv * (i - 128) * 1024);
            Bu[i] = (int)Math.Round(kb * (i - 128) * 1024);
            Luma[i] = (byte)Math.Clamp((int)Math.Round((i - 16) * 255.0 / 219), 0, 255);
        }
    }

    /// <summary>1.164 (Y − 16) in 1/1024 units, plus half a unit.</summary>
    public int[] Y { get; } = new int[256];
    /// <summary>Cr's share of R in 1/1024 units.</summary>
    public int[] Rv { get; } = new int[256];
    /// <summary>Cb's share subtracted from G.</summary>
    public int[] Gu { get; } = new int[256];
    /// <summary>Cr's share subtracted from G.</summary>
    public int[] Gv { get; } = new int[256];
    /// <summary>Cb's share of B.</summary>
    public int[] Bu { get; } = new int[256];
    /// <summary>Y expanded to full range 0-255.</summary>
    public byte[] Luma { get; } = new byte[256];

    /// <summary>
    /// The matrix for a stream: its tagged colour space when it has one, else BT.709 from 720 lines
    /// up and BT.601 below (what ffmpeg and players assume for untagged video).
    /// </summary>
    public static YuvToRgb For(string? colorSpace, int height) => colorSpace switch
    {
        "bt709" => Bt709,
        "smpte170m" or "bt470bg" or "fcc" => Bt601,
        _ => height >= 720 ? Bt709 : Bt601,
    };
}
