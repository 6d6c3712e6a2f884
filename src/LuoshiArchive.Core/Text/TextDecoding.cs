using System.Text;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Decodes plain text the way Chinese offices write it: a BOM says UTF-8 or UTF-16; otherwise strict UTF-8, and if
/// that fails, GB18030 (which covers GBK and GB2312).
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static string Decode(byte[] bytes) => Decode(bytes, out _);

    public static string Decode(byte[] bytes, out Encoding encoding)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) { encoding = Encoding.UTF8; return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3); }
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) { encoding = Encoding.Unicode; return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2); }
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) { encoding = Encoding.BigEndianUnicode; return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2); }
        try
        {
            encoding = Encoding.UTF8;
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            encoding = Gb18030;
            return Gb18030.GetString(bytes);
        }
    }
}
