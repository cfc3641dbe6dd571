namespace ProcurementGraph.Api.Hosting;

/// <summary>Runs the registered <see cref="IStartupCheck"/>s in registration order.</summary>
public static class StartupChecks
{
    public static void RunStartupChecks(this IServiceProvider services)
    {
        foreach (var check in services.GetServices<IStartupCheck>())
        {
            check.Run();
        }
    }
}
