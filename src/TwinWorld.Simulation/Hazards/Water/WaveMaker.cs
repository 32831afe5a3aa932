namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// The sea state just outside the grid: the sum of the active wave trains as linear long waves on the still level.
/// Each train is a plane wave, so its phase at a boundary point is the time since it first touched the grid less the
/// travel time along its direction at the reference speed sqrt(g d), d the deepest still depth on an inflow side.
/// </summary>
internal sealed class WaveMaker
{
    private Train[] _trains = [];
    private int _count;
    private float _speed;

    /// <summary>Takes the trains for one Advance; a grid with no sea on its inflow sides gets no waves.</summary>
    public void Prepare(ReadOnlySpan<WaveTrain> waves, float referenceDepth, float widthMetres, float heightMetres)
    {
        if (_trains.Length < waves.Length)
        {
            _trains = new Train[waves.Length];
        }
        _count = referenceDepth > 0 ? waves.Length : 0;
        _speed = MathF.Sqrt(WaterFlux.G * referenceDepth);
        for (int i = 0; i < _count; i++)
        {
            WaveTrain wave = waves[i];
            float kx = DeterministicMath.Cos(wave.Direction);
            float ky = DeterministicMath.Sin(wave.Direction);
            // The corner the wave reaches first: phase is measured from there, so the train starts at StartTime.
            float first = MathF.Min(MathF.Min(0, kx * widthMetres), MathF.Min(ky * heightMetres, (kx * widthMetres) + (ky * heightMetres)));
            _trains[i] = new Train(kx, ky, wave.Height / 2, wave.Period, wave.StartTime, first);
        }
    }

    /// <summary>
    /// The incident surface elevation and velocity at boundary point (px, py) of the side with outward normal
    /// (nx, ny), where the still water is <paramref name="stillDepth"/> deep. Only trains heading into the grid
    /// through this side count.
    /// </summary>
    public void Incident(float px, float py, float nx, float ny, float time, float stillDepth, out float eta, out float ux, out float uy)
    {
        eta = ux = uy = 0;
        float celerityRatio = MathF.Sqrt(WaterFlux.G / stillDepth);
        for (int i = 0; i < _count; i++)
        {
            ref readonly Train t = ref _trains[i];
            if ((t.Kx * nx) + (t.Ky * ny) >= 0)
            {
                continue;
            }
            float tau = time - t.Start - (((t.Kx * px) + (t.Ky * py) - t.First) / _speed);
            if (!(tau > 0))
            {
                continue;
            }
            float cycles = tau / t.Period;
            // Reduce to one period before the sine so long runs keep the phase accurate.
            float e = t.Amplitude * MathF.Min(1, cycles) * DeterministicMath.Sin(DeterministicMath.TwoPi * (cycles - MathF.Floor(cycles)));
            eta += e;
            ux += e * celerityRatio * t.Kx;
            uy += e * celerityRatio * t.Ky;
        }
    }

    private readonly record struct Train(float Kx, float Ky, float Amplitude, float Period, float Start, float First);
}
