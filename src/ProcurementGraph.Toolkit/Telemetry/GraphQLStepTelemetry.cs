using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Telemetry;

/// <summary>
/// The parse, validate and execute spans, children of the request span. Innermost of the execution steps (after trusted
/// and persisted documents have supplied the text): parses the text itself in the parse span with the engine's own
/// <see cref="IDocumentBuilder"/> (a text that does not parse is left to the engine, which reports it), then opens the
/// validate span, which <see cref="Listener"/> closes as execution begins.
/// </summary>
internal sealed class GraphQLStepTelemetry : IConfigureExecution
{
    public float SortOrder => 10_000;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (!GraphQLTelemetry.Source.HasListeners())
        {
            return await next(options).ConfigureAwait(false);
        }

        if (options.Document is null && options.Query is not null
            && options.RequestServices?.GetService<IDocumentBuilder>() is { } builder)
        {
            using var parse = GraphQLTelemetry.Source.StartActivity(GraphQLTelemetry.ParseSpan);
            try
            {
                options.Document = builder.Build(options.Query);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                parse?.SetStatus(ActivityStatusCode.Error, e.Message);
            }
        }

        var listener = new Listener(GraphQLTelemetry.Source.StartActivity(GraphQLTelemetry.ValidateSpan));
        options.Listeners.Add(listener);
        try
        {
            return await next(options).ConfigureAwait(false);
        }
        finally
        {
            listener.Finish();
        }
    }

    /// <summary>Ends the validate span and starts the execute span (in the executer's flow, so resolvers and SQL are its children).</summary>
    private sealed class Listener(Activity? validate) : DocumentExecutionListenerBase
    {
        private Activity? _validate = validate;
        private Activity? _execute;

        public override Task BeforeExecutionAsync(IExecutionContext context)
        {
            StopValidate();
            _execute = GraphQLTelemetry.Source.StartActivity(GraphQLTelemetry.ExecuteSpan);
            return Task.CompletedTask;
        }

        public override Task AfterExecutionAsync(IExecutionContext context)
        {
            StopExecute();
            return Task.CompletedTask;
        }

        public void Finish()
        {
            StopValidate();
            StopExecute();
        }

        private void StopValidate()
        {
            Interlocked.Exchange(ref _validate, null)?.Stop();
        }

        private void StopExecute()
        {
            Interlocked.Exchange(ref _execute, null)?.Stop();
        }
    }
}
