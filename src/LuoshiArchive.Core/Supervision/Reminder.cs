namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// One reminder (催办): a milestone, a task's deadline or a supervision order that falls due within the window or is
/// overdue. <see cref="DaysLeft"/> is negative when overdue.
/// </summary>
public sealed record Reminder(ReminderKind Kind, string TaskCode, string TaskName, string What, DateOnly Due, int DaysLeft,
    int? DepartmentId, string Department, int? OrderId = null, int? IncomingId = null)
{
    /// <summary>The page the reminder is about: the received item's, else the task's.</summary>
    public string Path => IncomingId is { } id ? $"/Incoming/{id}" : $"/Tasks/{Uri.EscapeDataString(TaskCode)}";

    public bool IsOverdue => DaysLeft < 0;

    /// <summary>"coming" or "overdue", as <c>luoshi supervision due --json</c> writes it.</summary>
    public string State => IsOverdue ? "overdue" : "coming";

    /// <summary>The reminder's step: 0 overdue, 3 within three days, 7 within seven, else the days left.</summary>
    public int Step => DaysLeft switch { < 0 => 0, <= 3 => 3, <= 7 => 7, _ => DaysLeft };

    /// <summary>"已逾期5天", "今天到期", "3天内到期" (2 days left), "7天内到期", "12天后到期".</summary>
    public string Urgency => DaysLeft switch
    {
        < 0 => $"已逾期{-DaysLeft}天",
        0 => "今天到期",
        <= 3 => "3天内到期",
        <= 7 => "7天内到期",
        _ => $"{DaysLeft}天后到期",
    };
}
