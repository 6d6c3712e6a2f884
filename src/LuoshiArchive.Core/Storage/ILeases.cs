namespace LuoshiArchive.Core.Storage;

/// <summary>
/// Named leases, so that a background job runs once however many processes share the store (an annual-bundle export
/// of a year, later the reminders): a lease is free, held by one holder until it expires, or released.
/// </summary>
public interface ILeases
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="holder"/> until <paramref name="duration"/> from now; true when
    /// it was free, expired, or already this holder's (then it is extended).
    /// </summary>
    bool TryTake(string name, string holder, TimeSpan duration);

    /// <summary>Gives the lease back, if <paramref name="holder"/> holds it.</summary>
    void Release(string name, string holder);
}
