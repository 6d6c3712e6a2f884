using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.PublicProgress;

/// <summary>
/// The office's view of 向社会公布: the tasks now public (each marked or worded on its task page), the disclosure
/// metadata shown with them (索引号 prefix, 主题分类, 公开属性), and the public page, feeds and CMS sheet.
/// </summary>
[Authorize(Policy = nameof(Core.Accounts.Permission.PublishProgress))]
public class IndexModel(PublicDisclosure disclosure, PublicCatalogue catalogue) : FormPageModel
{
    public IReadOnlyList<PublicItem> Items { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    [BindProperty] public string IndexPrefix { get; set; } = "";
    [BindProperty] public string Theme { get; set; } = "";
    [BindProperty] public string Attribute { get; set; } = "";

    public void OnGet()
    {
        var settings = disclosure.Settings();
        (IndexPrefix, Theme, Attribute) = (settings.IndexPrefix, settings.Theme, settings.Attribute);
        Load();
    }

    public IActionResult OnPost()
    {
        disclosure.SaveSettings(IndexPrefix, Theme, Attribute, User.Actor());
        TempData["Message"] = "公开目录设置已保存，公开页面和订阅即用新的设置。";
        return RedirectToPage();
    }

    public override IActionResult Refused()
    {
        Load();
        return Page();
    }

    private void Load()
    {
        Years = catalogue.Years();
        Items = Years.SelectMany(catalogue.Year).ToList();
    }
}
