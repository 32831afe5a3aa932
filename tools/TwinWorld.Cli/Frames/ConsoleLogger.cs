using Microsoft.Extensions.Logging;

namespace TwinWorld.Cli.Frames;

/// <summary>The frame scheduler's log on the console: warnings and errors (a model that fails) to standard error, news to standard output.</summary>
internal sealed class ConsoleLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        (logLevel >= LogLevel.Warning ? Console.Error : Console.Out).WriteLine($"frames: {formatter(state, exception)}");
    }
}
