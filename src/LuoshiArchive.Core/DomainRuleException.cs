namespace LuoshiArchive.Core;

/// <summary>A domain rule or a validation refused the input. The message is in Chinese and meant for the user.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
