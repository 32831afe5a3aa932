using System.CommandLine;
using Spectre.Console;
using TwinWorld.Cli.Commands;

if (Console.IsOutputRedirected)
{
    // Piped or in CI: plain text, wide enough for the tables, no escape codes or live progress.
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
    AnsiConsole.Profile.Width = 160;
}

var root = new RootCommand("twin: TwinWorld's command line")
{
    TownCommand.Create(),
    RunCommand.Create(),
    ReplayCommand.Create(),
    WhatIfCommand.Create(),
    CompareCommand.Create(),
    SweepCommand.Create(),
    SiloCommand.Create(),
    DatasetCommand.Create(),
    BotsCommand.Create(),
    ModelBenchCommand.Create(),
    SchemaCommand.Create(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Bad usage is a refusal like any other (exit 2), told in a line each rather than with the whole help.
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }
    Console.Error.WriteLine(parsed.CommandResult.Command == root ? "'twin --help' lists the commands." : $"'twin {parsed.CommandResult.Command.Name} --help' lists the options.");
    return 2;
}
return parsed.Invoke();
