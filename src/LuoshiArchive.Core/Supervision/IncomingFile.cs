namespace LuoshiArchive.Core.Supervision;

/// <summary>An uploaded file on its way into a dossier: the name the client gave and its content.</summary>
public sealed record IncomingFile(string FileName, Stream Content);
