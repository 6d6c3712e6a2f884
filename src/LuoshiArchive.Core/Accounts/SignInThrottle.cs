namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock an account out: wrong passwords are counted per client address
/// and typed name (whether or not an account has that name, so the answers tell nothing about which names exist).
/// After <see cref="FreeFailures"/> of them, that address must wait before trying that name again, twice as long after
/// each further failure, up to <see cref="LongestWait"/>. The real user at another address is never slowed.
/// Kept in memory: a restart forgets it, which costs an attacker at most one more round of free tries.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    /// <summary>Bounds the memory an attacker can make us spend on (address, name) pairs.</summary>
    public const int MaxTracked = 10_000;

    private sealed record Failures(int Count, DateTime LastAt, DateTime WaitUntil);

    private readonly Dictionary<(string Address, string Name), Failures> _failures = [];
    private readonly Lock _lock = new();

    /// <summary>How long <paramref name="address"/> must still wait before trying <paramref name="name"/>; null when it may try now.</summary>
    public TimeSpan? WaitFor(string address, string name)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_lock)
            return _failures.TryGetValue((address, name), out var f) && f.WaitUntil > now ? f.WaitUntil - now : null;
    }

    /// <summary>Counts a wrong password; returns the wait it starts (null while the free tries last).</summary>
    public TimeSpan? Failed(string address, string name)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            var count = (_failures.TryGetValue((address, name), out var f) ? f.Count : 0) + 1;
            var wait = WaitAfter(count);
            if (!_failures.ContainsKey((address, name)) && _failures.Count >= MaxTracked) ForgetOldest();
            _failures[(address, name)] = new Failures(count, now, now + (wait ?? TimeSpan.Zero));
            return wait;
        }
    }

    /// <summary>The wait after the <paramref name="failures"/>-th wrong password in a row.</summary>
    public static TimeSpan? WaitAfter(int failures)
    {
        if (failures < FreeFailures) return null;
        var doublings = Math.Min(failures - FreeFailures, 20);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    public void Succeeded(string address, string name)
    {
        lock (_lock) _failures.Remove((address, name));
    }

    /// <summary>Lifts every wait on <paramref name="name"/> (an administrator set a new password).</summary>
    public void Forget(string name)
    {
        lock (_lock)
            foreach (var key in _failures.Keys.Where(k => k.Name == name).ToList()) _failures.Remove(key);
    }

    private void ForgetOldest()
    {
        foreach (var key in _failures.OrderBy(p => p.Value.LastAt).Take(MaxTracked / 10).Select(p => p.Key).ToList())
            _failures.Remove(key);
    }
}
