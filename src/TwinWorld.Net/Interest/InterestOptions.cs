namespace TwinWorld.Net.Interest;

/// <summary>
/// How each client's state stream is chosen. A client's focus is its avatar and the cameras it
/// subscribed to. Entities within <see cref="RadiusMetres"/> of the focus are sent (nearest first, by
/// a priority that grows with nearness and with time since last sent), held ones further than
/// <see cref="ForgetRadiusMetres"/> are destroyed on the client, and every update fits
/// <see cref="BudgetBytesPerTick"/>, except that held entities within <see cref="NearRadiusMetres"/>
/// are never more than <see cref="MaxStaleTicks"/> ticks out of date. A client with no focus (a
/// viewer watching no camera) is sent the whole world, the longest-waiting changes first.
/// </summary>
public sealed record InterestOptions
{
    /// <summary>Entities this close to a client's focus are created on it; 0: the whole world, nothing destroyed.</summary>
    public double RadiusMetres { get; init; } = 250;

    /// <summary>Held entities further than this from the focus are destroyed on the client (at least <see cref="RadiusMetres"/>, so one at the edge does not flicker).</summary>
    public double ForgetRadiusMetres { get; init; } = 300;

    /// <summary>Entities this close to the focus are never older than <see cref="MaxStaleTicks"/> on the client, budget or not.</summary>
    public double NearRadiusMetres { get; init; } = 40;

    public int MaxStaleTicks { get; init; } = 10;

    /// <summary>Bytes one state update may take (the message as sent, before the transport's and UDP's headers); 0: no limit.</summary>
    public int BudgetBytesPerTick { get; init; } = 4096;

    /// <summary>Every client gets the whole world every tick: the server encodes one delta per acknowledged tick and shares it.</summary>
    public bool IsUnlimited => RadiusMetres == 0 && BudgetBytesPerTick == 0;

    /// <summary>Why these settings cannot work, per setting, prefixed with <paramref name="prefix"/>; empty when they can.</summary>
    public IReadOnlyList<string> Problems(string prefix)
    {
        var problems = new List<string>();
        if (!(RadiusMetres is >= 0 and <= 1_000_000))
        {
            problems.Add($"{prefix}RadiusMetres must be 0 (the whole world) to 1000000 (got {RadiusMetres}).");
        }
        if (RadiusMetres > 0 && !(ForgetRadiusMetres >= RadiusMetres && ForgetRadiusMetres <= 1_000_000))
        {
            problems.Add($"{prefix}ForgetRadiusMetres must be at least RadiusMetres ({RadiusMetres}) and at most 1000000 (got {ForgetRadiusMetres}).");
        }
        if (!(NearRadiusMetres >= 0 && (RadiusMetres == 0 || NearRadiusMetres <= RadiusMetres)))
        {
            problems.Add($"{prefix}NearRadiusMetres must be 0 to RadiusMetres ({RadiusMetres}) (got {NearRadiusMetres}).");
        }
        if (MaxStaleTicks is < 1 or > 10_000)
        {
            problems.Add($"{prefix}MaxStaleTicks must be 1 to 10000 (got {MaxStaleTicks}).");
        }
        if (BudgetBytesPerTick != 0 && BudgetBytesPerTick is < 256 or > 16 * 1024 * 1024)
        {
            problems.Add($"{prefix}BudgetBytesPerTick must be 0 (no limit) or 256 to 16777216 (got {BudgetBytesPerTick}).");
        }
        return problems;
    }
}
