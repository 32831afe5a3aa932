namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// Fuel moisture content by size class, as fractions of oven-dry mass (0.06 = 6 %).
/// </summary>
public readonly record struct FuelMoisture(float Dead1h, float Dead10h, float Dead100h, float LiveHerbaceous, float LiveWoody)
{
    /// <summary>
    /// A dry summer afternoon: Scott and Burgan's (2005, RMRS-GTR-153) scenario D2L2, low dead fuel
    /// moisture (6, 7, 8 %) and low live moisture (herbaceous 60 %, woody 90 %).
    /// </summary>
    public static FuelMoisture Default => new(0.06f, 0.07f, 0.08f, 0.60f, 0.90f);

    /// <summary>Throws when a content is negative, not a number or above 500 %, a mistake in the input.</summary>
    internal void Validate()
    {
        Check(Dead1h, nameof(Dead1h));
        Check(Dead10h, nameof(Dead10h));
        Check(Dead100h, nameof(Dead100h));
        Check(LiveHerbaceous, nameof(LiveHerbaceous));
        Check(LiveWoody, nameof(LiveWoody));

        static void Check(float value, string name)
        {
            if (!(value >= 0 && value <= 5))
            {
                throw new ArgumentOutOfRangeException(name, value, $"Fuel moisture {name} must be a fraction of dry mass between 0 and 5 (500 %); got {value}.");
            }
        }
    }
}
