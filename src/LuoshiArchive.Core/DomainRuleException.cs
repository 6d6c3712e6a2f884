namespace LuoshiArchive.Core;

/// <summary>
/// A domain rule or a validation refused the input. The message is in Chinese and meant for the user: the CLI prints it
/// and exits 1, pages show it in the form's error list. A file that cannot be read is one too (ExtractionException).
/// </summary>
public class DomainRuleException(string message) : Exception(message);
