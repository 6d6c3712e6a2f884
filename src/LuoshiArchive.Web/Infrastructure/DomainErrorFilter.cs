using LuoshiArchive.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// The one place where a page turns a domain error into what the user sees: on a <see cref="FormPageModel"/> the
/// message joins the form's error list and the form is shown again; on any other page the status page shows the
/// message with 400. A domain error never becomes the 500 page.
/// </summary>
public sealed class DomainErrorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not DomainRuleException refused) return;
        executed.ExceptionHandled = true;
        if (context.HandlerInstance is FormPageModel form)
        {
            form.Errors.Add(refused.Message);
            executed.Result = form.Refused();
            return;
        }
        context.HttpContext.Items[Pages.StatusModel.MessageKey] = refused.Message;
        executed.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }
}
