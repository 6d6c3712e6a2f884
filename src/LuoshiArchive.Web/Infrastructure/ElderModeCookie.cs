namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// 长者模式 before anyone is signed in: the sign-in page cannot read an account, so the browser remembers the choice
/// of its last user (set when they sign in or toggle it, and by the sign-in page's own toggle). Signed in, the
/// account's setting decides.
/// </summary>
public static class ElderModeCookie
{
    public const string Name = "luoshi.elder";

    public static bool IsOn(HttpRequest request) => request.Cookies[Name] == "1";

    public static void Remember(HttpResponse response, bool on) => response.Cookies.Append(Name, on ? "1" : "0", new CookieOptions
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
        Secure = response.HttpContext.Request.IsHttps,
    });
}
