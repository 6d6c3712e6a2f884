using System.Text;
using LuoshiArchive.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return await LuoshiCli.RunAsync(args, Console.Out, Console.Error, Console.In);
