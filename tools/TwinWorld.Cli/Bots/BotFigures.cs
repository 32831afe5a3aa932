namespace TwinWorld.Cli.Bots;

/// <summary>
/// One bot's figures over the measured window: per second received, how far its
/// avatar got from where it was (m; NaN without one), errors.
/// </summary>
internal sealed record BotFigures(double BytesPerSecond, double UpdatesPerSecond, double FramesPerSecond, double AvatarMovedMetres, int Errors);
