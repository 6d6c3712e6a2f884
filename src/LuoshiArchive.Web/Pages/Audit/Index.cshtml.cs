using LuoshiArchive.Core.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Audit;

/// <summary>The audit trail with filters, and whether its hash chain is intact.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.ReadAudit))]
public class IndexModel(AuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> ChainProblems { get; private set; } = [];
    public string Action { get; private set; } = "";

    public void OnGet(string? who, string? action, DateOnly? from, DateOnly? to)
    {
        Action = action ?? "";
        Entries = audit.Find(who, action, from, to);
        ChainProblems = audit.Verify();
    }
}
