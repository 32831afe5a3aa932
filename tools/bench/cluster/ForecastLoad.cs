#:project ../../../src/TwinWorld.Client/TwinWorld.Client.csproj
// One analyst asking a running server for forecasts back to back (or none: "idle"), while it counts the live
// world's ticks in the state it is sent. forecast_tick_rate.py runs it; prints one line of figures.
// Usage: dotnet run ForecastLoad.cs -- <udp port> <seconds> <forecast seconds ahead, 0: idle>
using System.Diagnostics;
using System.Globalization;
using TwinWorld.Client;

int port = int.Parse(args[0], CultureInfo.InvariantCulture);
var window = TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture));
float ahead = float.Parse(args[2], CultureInfo.InvariantCulture);

using var analyst = await TwinClient.ConnectAsync("127.0.0.1", port, "dev-analyst", "forecast-load");
await analyst.JoinAsync();
await analyst.WaitForStateAsync();
long firstTick = analyst.Latest!.Tick;
var clock = Stopwatch.StartNew();
var took = new List<double>();
int samples = 0;
while (clock.Elapsed < window)
{
    if (ahead <= 0)
    {
        await Task.Delay(100);
        continue;
    }
    var one = Stopwatch.StartNew();
    await foreach (var _ in analyst.ForecastAsync(ahead, ahead / 10, timeout: TimeSpan.FromMinutes(5)))
    {
        samples++;
    }
    took.Add(one.Elapsed.TotalSeconds);
}
double seconds = clock.Elapsed.TotalSeconds;
long ticks = analyst.Latest!.Tick - firstTick;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"forecasts={took.Count} samples={samples} forecast_s_mean={(took.Count > 0 ? took.Average() : 0):F2} forecast_s_max={(took.Count > 0 ? took.Max() : 0):F2} live_hz={ticks / seconds:F2} over_s={seconds:F0}"));
