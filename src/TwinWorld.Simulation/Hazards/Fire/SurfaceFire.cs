using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// Rothermel's (1972) surface fire spread model with Albini's (1976) refinements, as BehavePlus implements
/// it (Andrews 2018, RMRS-GTR-371): everything that depends only on the fuel bed and its moisture is worked
/// out once here, so that <see cref="Spread"/> for a given wind and slope costs a handful of operations.
/// The model is computed in the English units its constants were fitted in; the public surface is SI.
/// </summary>
public sealed class SurfaceFire
{
    private const float ParticleDensity = 32f;     // lb/ft³
    private const float HeatContent = 8000f;       // Btu/lb
    private const float TotalMineral = FuelModel.TotalMineralContent;
    private const float EffectiveMineral = FuelModel.EffectiveMineralContent;
    private const int DeadClasses = 3;

    private readonly float _rateNoWind;        // ft/min
    private readonly float _windCoefficient;   // C (beta / beta_op)^-E
    private readonly float _windExponent;      // B
    private readonly float _slopeCoefficient;  // 5.275 beta^-0.3
    private readonly float _windLimit;         // ft/min
    private readonly float _windFactorLimit;   // phi_w at the wind limit
    private readonly float _heatPerUnitArea;   // Btu/ft²

    public SurfaceFire(FuelModel model, FuelMoisture moisture)
    {
        moisture.Validate();
        Model = model;
        Moisture = moisture;
        float[] load = model.LoadsPerSquareFoot;
        float[] sav = model.SavsPerFoot;
        float[] wet = [moisture.Dead1h, moisture.Dead10h, moisture.Dead100h, moisture.LiveHerbaceous, moisture.LiveWoody];

        // Particles are weighted by surface area within their category (dead, live), and categories by theirs.
        Span<float> area = stackalloc float[load.Length];
        float deadArea = 0;
        float liveArea = 0;
        for (int i = 0; i < load.Length; i++)
        {
            area[i] = sav[i] * load[i] / ParticleDensity;
            if (i < DeadClasses)
            {
                deadArea += area[i];
            }
            else
            {
                liveArea += area[i];
            }
        }

        // Per category: characteristic SAV, moisture, net load and heat sink per unit of bulk density. Net load
        // is weighted by the particles' own area fractions: Albini's size-class weights reduce to these because
        // no two particles of one category of a standard model share a size class.
        Span<float> categorySav = stackalloc float[2];
        Span<float> categoryMoisture = stackalloc float[2];
        Span<float> categoryNetLoad = stackalloc float[2];
        Span<float> categorySink = stackalloc float[2];
        for (int i = 0; i < load.Length; i++)
        {
            if (load[i] <= 0)
            {
                continue;
            }
            int c = i < DeadClasses ? 0 : 1;
            float f = area[i] / (c == 0 ? deadArea : liveArea);
            categorySav[c] += f * sav[i];
            categoryMoisture[c] += f * wet[i];
            categoryNetLoad[c] += f * load[i] * (1 - TotalMineral);
            categorySink[c] += f * DeterministicMath.Exp(-138f / sav[i]) * (250f + (1116f * wet[i]));
        }
        float deadFraction = deadArea / (deadArea + liveArea);
        float liveFraction = liveArea / (deadArea + liveArea);
        float sigma = (deadFraction * categorySav[0]) + (liveFraction * categorySav[1]);

        float totalLoad = 0;
        foreach (float l in load)
        {
            totalLoad += l;
        }
        float bulkDensity = totalLoad / model.DepthFeet;
        float packingRatio = bulkDensity / ParticleDensity;
        float optimumPackingRatio = 3.348f * DeterministicMath.Pow(sigma, -0.8189f);
        float relativePacking = packingRatio / optimumPackingRatio;

        // Reaction velocity (Albini's exponent A = 133 sigma^-0.7913).
        float sigma15 = sigma * MathF.Sqrt(sigma);
        float maxReactionVelocity = sigma15 / (495f + (0.0594f * sigma15));
        float a = 133f * DeterministicMath.Pow(sigma, -0.7913f);
        float reactionVelocity = maxReactionVelocity * DeterministicMath.Pow(relativePacking, a) * DeterministicMath.Exp(a * (1 - relativePacking));

        // Live fuel moisture of extinction (Albini 1976): from the ratio of fine dead to fine live load.
        float deadExtinction = model.DeadExtinctionMoisture;
        float liveExtinction = deadExtinction;
        if (liveArea > 0)
        {
            float fineDead = 0;
            float fineDeadWater = 0;
            float fineLive = 0;
            for (int i = 0; i < load.Length; i++)
            {
                if (i < DeadClasses)
                {
                    float w = load[i] * DeterministicMath.Exp(-138f / sav[i]);
                    fineDead += w;
                    fineDeadWater += w * wet[i];
                }
                else if (load[i] > 0)
                {
                    fineLive += load[i] * DeterministicMath.Exp(-500f / sav[i]);
                }
            }
            float fineDeadMoisture = fineDeadWater / fineDead;
            liveExtinction = MathF.Max(deadExtinction, (2.9f * (fineDead / fineLive) * (1 - (fineDeadMoisture / deadExtinction))) - 0.226f);
        }

        float mineralDamping = MathF.Min(1f, 0.174f * DeterministicMath.Pow(EffectiveMineral, -0.19f));
        float reactionIntensity = reactionVelocity * HeatContent * mineralDamping
            * ((categoryNetLoad[0] * MoistureDamping(categoryMoisture[0], deadExtinction))
               + (categoryNetLoad[1] * MoistureDamping(categoryMoisture[1], liveExtinction)));

        float propagatingFluxRatio = DeterministicMath.Exp((0.792f + (0.681f * MathF.Sqrt(sigma))) * (packingRatio + 0.1f)) / (192f + (0.2595f * sigma));
        float heatSink = bulkDensity * ((deadFraction * categorySink[0]) + (liveFraction * categorySink[1]));
        _rateNoWind = reactionIntensity * propagatingFluxRatio / heatSink;

        float c0 = 7.47f * DeterministicMath.Exp(-0.133f * DeterministicMath.Pow(sigma, 0.55f));
        float e = 0.715f * DeterministicMath.Exp(-3.59e-4f * sigma);
        _windExponent = 0.02526f * DeterministicMath.Pow(sigma, 0.54f);
        _windCoefficient = c0 * DeterministicMath.Pow(relativePacking, -e);
        _slopeCoefficient = 5.275f * DeterministicMath.Pow(packingRatio, -0.3f);

        // Rothermel's limit on the effective wind, 0.9 I_R (ft/min for I_R in Btu/ft²/min).
        _windLimit = 0.9f * reactionIntensity;
        _windFactorLimit = _windCoefficient * DeterministicMath.Pow(_windLimit, _windExponent);

        float residenceMinutes = 384f / sigma;
        _heatPerUnitArea = reactionIntensity * residenceMinutes;

        CharacteristicSurfaceAreaToVolume = sigma / EnglishUnits.MetresPerFoot;
        BulkDensity = bulkDensity * EnglishUnits.KilogramsPerCubicMetrePerPoundPerCubicFoot;
        PackingRatio = packingRatio;
        RelativePackingRatio = relativePacking;
        LiveExtinctionMoisture = liveExtinction;
        ReactionIntensity = reactionIntensity * EnglishUnits.KilojoulesPerSquareMetrePerBtuPerSquareFoot / 60f;
        NoWindNoSlopeRate = _rateNoWind / EnglishUnits.FeetPerMinutePerMetrePerSecond;
        HeatPerUnitArea = _heatPerUnitArea * EnglishUnits.KilojoulesPerSquareMetrePerBtuPerSquareFoot;
        ResidenceTime = residenceMinutes * 60f;
        WindLimit = _windLimit / EnglishUnits.FeetPerMinutePerMetrePerSecond;
    }

    public FuelModel Model { get; }

    public FuelMoisture Moisture { get; }

    /// <summary>Surface-area-weighted surface-area-to-volume ratio of the bed (1/m).</summary>
    public float CharacteristicSurfaceAreaToVolume { get; }

    /// <summary>Oven-dry bulk density of the bed (kg/m³).</summary>
    public float BulkDensity { get; }

    /// <summary>Fraction of the bed's volume that is fuel.</summary>
    public float PackingRatio { get; }

    /// <summary>Packing ratio over the optimum for this bed's particle size.</summary>
    public float RelativePackingRatio { get; }

    /// <summary>Live fuel moisture of extinction (fraction); the dead one where the bed has no live fuel.</summary>
    public float LiveExtinctionMoisture { get; }

    /// <summary>Reaction intensity (kW/m²).</summary>
    public float ReactionIntensity { get; }

    /// <summary>Rate of spread with no wind on level ground (m/s); 0 where the fuel is too wet to burn.</summary>
    public float NoWindNoSlopeRate { get; }

    /// <summary>Heat released per unit area while the front passes (kJ/m²).</summary>
    public float HeatPerUnitArea { get; }

    /// <summary>How long the flaming front takes to pass a point, 384 / sigma minutes (Anderson 1969), in seconds.</summary>
    public float ResidenceTime { get; }

    /// <summary>The effective midflame wind beyond which spread stops growing (m/s).</summary>
    public float WindLimit { get; }

    /// <summary>
    /// Spread for a midflame wind (m/s, the direction the air moves) and the ground's slope, given as the
    /// elevation gradient: pointing upslope, its length the tangent of the slope angle. Wind and slope factors
    /// are added as vectors (BehavePlus), giving the head direction and an effective wind speed.
    /// </summary>
    public SurfaceSpread Spread(Vector2 midflameWind, Vector2 slope)
    {
        float windSpeed = midflameWind.Length();
        float windFeet = windSpeed * EnglishUnits.FeetPerMinutePerMetrePerSecond;
        Vector2 factor = Vector2.Zero;
        if (windSpeed > 0)
        {
            factor = midflameWind * (_windCoefficient * DeterministicMath.Pow(windFeet, _windExponent) / windSpeed);
        }
        float tangent = slope.Length();
        if (tangent > 0)
        {
            factor += slope * (_slopeCoefficient * tangent);
        }

        float combined = factor.Length();
        Vector2 head = combined > 0 ? factor / combined : Vector2.UnitX;
        float effectiveWind = combined > 0 ? DeterministicMath.Pow(combined / _windCoefficient, 1f / _windExponent) : 0;
        if (effectiveWind > _windLimit)
        {
            effectiveWind = _windLimit;
            combined = _windFactorLimit;
        }
        float rate = _rateNoWind * (1 + combined) / EnglishUnits.FeetPerMinutePerMetrePerSecond;
        float effectiveWindSi = effectiveWind / EnglishUnits.FeetPerMinutePerMetrePerSecond;
        float lengthToBreadth = LengthToBreadth(effectiveWindSi);
        float eccentricity = MathF.Sqrt(1 - (1 / (lengthToBreadth * lengthToBreadth)));
        return new SurfaceSpread(rate, head, effectiveWindSi, lengthToBreadth, eccentricity, HeatPerUnitArea);
    }

    /// <summary>
    /// Length over breadth of a wind-driven fire's ellipse, Anderson (1983, RP INT-305), for the effective
    /// midflame wind in m/s: 1 in calm air, about 1.59 at 2.235 m/s (5 mi/h).
    /// </summary>
    public static float LengthToBreadth(float effectiveMidflameWind)
    {
        float u = MathF.Max(0, effectiveMidflameWind);
        float ratio = (0.936f * DeterministicMath.Exp(0.2566f * u)) + (0.461f * DeterministicMath.Exp(-0.1548f * u)) - 0.397f;
        return MathF.Max(1, ratio); // the coefficients sum to 1 only up to rounding: never a circle's "eccentricity" of NaN
    }

    /// <summary>Byram's (1959) flame length (m) for a fireline intensity (kW/m): 0.45 I^0.46 in ft and Btu/ft/s.</summary>
    public static float FlameLength(float firelineIntensity) => firelineIntensity > 0
        ? 0.45f * EnglishUnits.MetresPerFoot * DeterministicMath.Pow(firelineIntensity / EnglishUnits.KilowattsPerMetrePerBtuPerFootSecond, 0.46f)
        : 0;

    // Rothermel's moisture damping coefficient, zero at and beyond the moisture of extinction.
    private static float MoistureDamping(float moisture, float extinction)
    {
        float r = MathF.Min(1f, moisture / extinction);
        return 1 - (2.59f * r) + (5.11f * r * r) - (3.52f * r * r * r);
    }
}
