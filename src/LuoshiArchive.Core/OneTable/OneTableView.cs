namespace LuoshiArchive.Core.OneTable;

/// <summary>How the one-table view lists decomposed tasks (细化分解): kept in the page's URL as <c>view=tree|leaves</c>.</summary>
public enum OneTableView
{
    /// <summary>Every task, each parent followed by its children, indented.</summary>
    Tree,
    /// <summary>Only the tasks without children: the items actually carried out.</summary>
    Leaves,
}
