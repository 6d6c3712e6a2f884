using System.Buffers.Binary;
using System.IO.Compression;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace LuoshiArchive.Core.Demo;

/// <summary>
/// A scanned page for the demo's dossiers: an A4 PDF holding one grey picture of a typed page (no text layer), as a
/// scanner makes it — so a newcomer sees how the dossier shows a scan that search cannot read.
/// </summary>
internal static class ScannedPage
{
    private const int Width = 420, Height = 594;

    public static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddPng(Png(), new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    /// <summary>Grey paper with dark bars where the lines of type are, a title bar, and a block for the seal.</summary>
    private static byte[] Png()
    {
        var rows = new byte[Height * (Width + 1)];
        for (var y = 0; y < Height; y++)
        {
            var row = y * (Width + 1); // each row starts with its filter byte (0: none)
            for (var x = 0; x < Width; x++) rows[row + 1 + x] = Shade(x, y);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // 8-bit grey, colour type 0
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(rows);
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte Shade(int x, int y)
    {
        var noise = (byte)((x * 7 + y * 13) % 9);
        var inMargin = x < 50 || x > Width - 50 || y < 60 || y > Height - 60;
        if (inMargin) return (byte)(236 - noise);
        if (y is >= 80 and < 92 && x is > 140 and < 280) return (byte)(40 + noise); // the title
        var line = (y - 120) % 22;
        var lineEnd = (y / 22 % 5 == 4) ? 250 : Width - 50; // a paragraph's last line is shorter
        if (y is >= 120 and < 480 && line < 8 && x < lineEnd) return (byte)((x / 9 % 6 == 5) ? 225 : 70 + noise);
        if (y is >= 500 and < 560 && x is > 280 and < 350) return (byte)(150 + noise); // the seal
        return (byte)(232 - noise);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
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
