using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TwinWorld.Server.Http;

/// <summary>
/// Keeps the HTTP listener open for <see cref="HttpOptions.DrainSeconds"/> once stopping starts, so <c>/readyz</c>
/// answers 503 "shutting down" (and a load balancer takes the server out of rotation) before connections are
/// refused. Without it the web host stopped first and probes went from 200 straight to a refused connection.
/// <see cref="StoppingAsync"/> runs before any hosted service stops, the web server included.
/// </summary>
internal sealed class ReadinessDrain(IOptions<HttpOptions> http) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(http.Value.DrainSeconds), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout came first: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
