namespace TwinWorld.Replay.Forks;

/// <summary>A what-if that cannot start as asked: bad parameters or actions, a fork point outside the recording, a change a fork cannot make.</summary>
public sealed class WhatIfException(string message) : Exception(message);
