using DocumentFormat.OpenXml.Wordprocessing;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>A DrawingML text box anchored to the type area (margins), with no border, fill or inner margins.</summary>
internal static class TextBox
{
    private const long EmuPerTwip = 635;

    /// <param name="contentXml">w:p / w:tbl elements for the box's w:txbxContent.</param>
    /// <param name="width">Twips.</param>
    /// <param name="height">Twips.</param>
    /// <param name="top">Twips from the top of the type area.</param>
    /// <param name="name">The shape's name (docPr).</param>
    public static Run Anchored(string contentXml, int width, int height, int top, string name)
    {
        var cx = width * EmuPerTwip;
        var cy = height * EmuPerTwip;
        var xml = $"""
            <w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="0" allowOverlap="1">
            <wp:simplePos x="0" y="0"/>
            <wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>
            <wp:positionV relativeFrom="margin"><wp:posOffset>{top * EmuPerTwip}</wp:posOffset></wp:positionV>
            <wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>
            <wp:docPr id="9704" name="{name}"/><wp:cNvGraphicFramePr/>
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
            <wps:cNvSpPr txBox="1"/>
            <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
            <wps:txbx><w:txbxContent>{contentXml}</w:txbxContent></wps:txbx>
            <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"><a:noAutofit/></wps:bodyPr>
            </wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
            """;
        return new Run(new Drawing(xml));
    }
}
