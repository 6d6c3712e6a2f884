namespace LuoshiArchive.Core.Accounts;

/// <summary>A sign-in account. The password is kept only as an ASP.NET Core Identity hash.</summary>
public sealed class UserAccount
{
    public int Id { get; set; }
    /// <summary>Sign-in name, compared case-insensitively.</summary>
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public UserRole Role { get; set; }
    public int? DepartmentId { get; set; }
    /// <summary>
    /// The person this account is: for a leader account, the 分管委领导 that tasks name as supervising leader (the
    /// leader writes only their own quarterly report, Tasks/LeaderArea). Null: not linked.
    /// </summary>
    public int? PersonId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>A disabled account cannot sign in and is signed out at its next request; it is never deleted.</summary>
    public bool Disabled { get; set; }
    /// <summary>
    /// Changes on sign-out, password change or reset, role or department change and disabling: a sign-in cookie issued
    /// before carries the old stamp and is refused at its next request (a copied cookie stops working).
    /// </summary>
    public string SecurityStamp { get; set; } = "";
    /// <summary>长者模式: larger text and controls, higher contrast; kept with the account so it follows the user.</summary>
    public bool ElderMode { get; set; }
    /// <summary>Where notices are mailed; empty: only the in-app 站内消息.</summary>
    public string Email { get; set; } = "";
    /// <summary>A daily digest of the account's 催办 (what <see cref="Supervision.Reminders"/> shows it).</summary>
    public bool WantsDailyDigest { get; set; } = true;
    /// <summary>A notice at once for a 督办单 or an issued document addressed to the account's department.</summary>
    public bool WantsImmediateNotices { get; set; } = true;
}
