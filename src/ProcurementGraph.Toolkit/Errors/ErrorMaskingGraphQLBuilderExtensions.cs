using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>Registers the handling of unexpected exceptions: logging with a correlation id, masking, database failures.</summary>
public static class ErrorMaskingGraphQLBuilderExtensions
{
    /// <summary>
    /// Logs every unexpected exception with the request's correlation id and answers it as
    /// <see cref="UnexpectedExecutionError"/> (<c>extensions.correlationId</c>), or as <see cref="DatabaseUnavailableError"/>
    /// when <see cref="ErrorMaskingOptions.IsDatabaseUnavailable"/> recognises it. Masking itself is
    /// <see cref="MaskingErrorInfoProvider"/>, registered as the error info provider.
    /// </summary>
    public static IGraphQLBuilder AddErrorMasking(this IGraphQLBuilder builder, Action<ErrorMaskingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ErrorMaskingOptions();
        configure?.Invoke(options);
        var handler = new UnhandledExceptionHandler(options);
        return builder.ConfigureExecutionOptions(executionOptions =>
        {
            var previous = executionOptions.UnhandledExceptionDelegate;
            executionOptions.UnhandledExceptionDelegate = async context =>
            {
                await previous(context).ConfigureAwait(false);
                if (context.Exception is not ExecutionError)
                {
                    await handler.HandleAsync(context).ConfigureAwait(false);
                }
            };
        });
    }

    /// <summary>Wraps <paramref name="inner"/> in a <see cref="MaskingErrorInfoProvider"/> and registers it.</summary>
    public static IGraphQLBuilder AddMaskingErrorInfoProvider(this IGraphQLBuilder builder, IErrorInfoProvider inner, bool exposeExceptionDetails)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddErrorInfoProvider(new MaskingErrorInfoProvider(inner, exposeExceptionDetails));
    }
}
