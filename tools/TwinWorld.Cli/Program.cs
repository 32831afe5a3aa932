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
    DatasetCommand.Create(),
    BotsCommand.Create(),
};
return root.Parse(args).Invoke();
