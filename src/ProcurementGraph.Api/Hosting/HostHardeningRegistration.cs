using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// Kestrel and host settings that no request may exploit: no <c>Server</c> header (it names the stack to attackers). Which
/// <c>Host</c> headers are answered is ASP.NET Core's host filtering (<c>AllowedHosts</c>: loopback names only in
/// Development, so a web page that rebinds its DNS name to 127.0.0.1 cannot reach the development persona), and how long a
/// stopping host waits for requests in flight is the host's <c>ShutdownTimeoutSeconds</c> (15 in appsettings.json).
/// </summary>
public static class HostHardeningRegistration
{
    public static IServiceCollection AddProcurementHostHardening(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }
}
