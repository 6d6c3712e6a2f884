using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.Incoming;

/// <summary>来文来件 (收文和批示登记): the year's items with their state and tasks, and the office's registration form.</summary>
public class IndexModel(IncomingRegister register) : FormPageModel
{
    [BindProperty] public IncomingKind Kind { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? Received { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }

    public int Year { get; private set; }
    /// <summary>A state, or "Open" for everything not done and not overdue.</summary>
    public string? State { get; private set; }
    public IReadOnlyList<IncomingItem> Items { get; private set; } = [];
    public IncomingRegister Register => register;

    public void OnGet(int? year, string? state) => Load(year, state);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Errors.Add("日期或类别的值无效。");
            return Refused();
        }
        await using var content = file is { Length: > 0 } ? file.OpenReadStream() : null;
        var item = await register.RegisterAsync(new IncomingDraft
        {
            Kind = Kind, From = From ?? "", Number = Number ?? "", Title = Title ?? "",
            Received = Received ?? default, Deadline = Deadline,
        }, content, file?.FileName, User.Actor(), cancellationToken);
        TempData["Message"] = $"来文 {item.Id} 已登记。";
        return Redirect($"/Incoming/{item.Id}");
    }

    public override IActionResult Refused()
    {
        Load(null, null);
        return Page();
    }

    private void Load(int? year, string? state)
    {
        Year = year ?? register.Today.Year;
        State = state;
        var today = register.Today;
        Items = register.List(Year, User.Actor()).Where(i => state switch
        {
            null or "" => true,
            "Open" => i.StateOn(today) is not (IncomingState.Done or IncomingState.Overdue),
            _ => i.StateOn(today).ToString() == state,
        }).ToList();
    }
}
