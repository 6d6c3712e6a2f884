namespace LuoshiArchive.Core.Demo;

/// <summary>What the demo commission put into the store.</summary>
public sealed record DemoLoadResult(int Departments, int People, int Tasks);
