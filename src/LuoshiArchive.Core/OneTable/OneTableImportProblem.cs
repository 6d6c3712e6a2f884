namespace LuoshiArchive.Core.OneTable;

/// <summary>One problem found in an imported one-table: where (Excel row, column) and what, in Chinese.</summary>
public sealed record OneTableImportProblem(int Row, string Column, string Message)
{
    public override string ToString() =>
        Row > 0 ? $"第{Row}行" + (Column.Length > 0 ? $"「{Column}」" : "") + "：" + Message : Message;
}
