using GraphQL;
using GraphQL.DI;

namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>Registers the enforcement of GraphQL.NET's authorization metadata on ASP.NET Core authorization.</summary>
public static class FieldAuthorizationGraphQLBuilderExtensions
{
    /// <summary>
    /// Installs <see cref="FieldAuthorizationMiddleware"/> on every field and registers <see cref="IFieldAccess"/> (scoped).
    /// ASP.NET Core authorization (<c>services.AddAuthorization(...)</c>) must be registered with the policies the schema names.
    /// </summary>
    public static IGraphQLBuilder AddFieldAuthorization(this IGraphQLBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryRegister<IFieldAccess, FieldAccess>(ServiceLifetime.Scoped);
        // Resolved once per request, before execution: every executed field asks it (a list of 1,000 rows, 1,000 times per field).
        builder.ConfigureExecution((options, next) =>
        {
            if (options.RequestServices?.GetService(typeof(IFieldAccess)) is { } access)
            {
                options.UserContext[FieldAuthorizationMiddleware.AccessKey] = access;
            }

            return next(options);
        });
        return builder.UseMiddleware<FieldAuthorizationMiddleware>(install: true, ServiceLifetime.Singleton);
    }
}
