using System.Diagnostics;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Documents;
using ProcurementGraph.Toolkit.Errors;
using ProcurementGraph.Toolkit.Execution;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Execution;

public sealed class ExecutionTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task A_resolver_still_running_at_the_timeout_is_cancelled_and_the_answer_is_HC0045_without_data()
    {
        var clock = Stopwatch.StartNew();
        var result = await ExecuteAsync("{ waitsForCancellation }");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.False(result.Executed);
        Assert.Null(result.Data);
        var error = Assert.IsType<ExecutionTimeoutError>(Assert.Single(result.Errors!));
        Assert.Equal("HC0045", error.Code);
        Assert.Equal("The request exceeded the configured timeout of `00:00:00.1500000`.", error.Message);
    }

    [Fact]
    public async Task A_driver_error_caused_by_the_cancellation_becomes_the_timeout_too()
    {
        var result = await ExecuteAsync("{ failsOnceCancelled }");

        Assert.IsType<ExecutionTimeoutError>(Assert.Single(result.Errors!));
        Assert.Null(result.Data);
    }

    [Fact]
    public async Task A_request_within_the_timeout_is_untouched_and_sees_its_deadline()
    {
        var result = await ExecuteAsync("{ fast remainingMs }", timeout: TimeSpan.FromSeconds(10));

        Assert.Null(result.Errors);
        var data = System.Text.Json.Nodes.JsonNode.Parse(new GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result))!["data"]!;
        Assert.Equal("ok", data["fast"]!.GetValue<string>());
        Assert.InRange(data["remainingMs"]!.GetValue<double>(), 0.001, 10_000);
        Assert.Null(ExecutionDeadline.Remaining); // the deadline belongs to the request's flow only
    }

    [Fact]
    public async Task A_client_that_goes_away_is_not_a_timeout()
    {
        // The timeout is far away, so the client's cancellation is the only one that can fire, even on a loaded machine
        // (with the 150 ms timeout, a delayed 20 ms timer could lose the race and the answer would rightly be HC0045).
        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExecuteAsync("{ waitsForCancellation }", timeout: TimeSpan.FromSeconds(30), cancellationToken: gone.Token));
    }

    [Fact]
    public async Task A_known_document_still_times_out_with_HC0045()
    {
        const string Query = "query($wait: Boolean!) { waitsIf(wait: $wait) }";
        // The warm-up is the schema's first request: a timeout it cannot miss on a busy machine (the measured one waits it out).
        var result = await ExecuteAsync(Query, warmUp: Wait(false), timeout: TimeSpan.FromSeconds(3),
            variables: Wait(true));

        Assert.Null(result.Data);
        Assert.IsType<ExecutionTimeoutError>(Assert.Single(result.Errors!));
    }

    [Fact]
    public async Task A_known_document_sees_its_deadline_and_leaves_none_behind()
    {
        var result = await ExecuteAsync("{ fast remainingMs }", warmUp: Inputs.Empty, timeout: TimeSpan.FromSeconds(10));

        Assert.Null(result.Errors);
        var data = System.Text.Json.Nodes.JsonNode.Parse(new GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result))!["data"]!;
        Assert.InRange(data["remainingMs"]!.GetValue<double>(), 0.001, 10_000);
        Assert.Null(ExecutionDeadline.Remaining);
    }

    [Fact]
    public async Task A_known_document_whose_client_goes_away_is_cancelled()
    {
        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ExecuteAsync(
            "query($wait: Boolean!) { waitsIf(wait: $wait) }", warmUp: Wait(false),
            timeout: TimeSpan.FromSeconds(30), variables: Wait(true), cancellationToken: gone.Token));
    }

    [Fact]
    public async Task A_known_document_is_executed_in_the_callers_flow_without_a_hop_to_the_thread_pool()
    {
        var probe = new ProbeExecution();

        var result = await ExecuteAsync("{ fast }", warmUp: Inputs.Empty, timeout: TimeSpan.FromSeconds(30), probe: probe);

        Assert.Null(result.Errors);
        Assert.True(probe.BeganInCallersFlow);
    }

    [Fact]
    public void A_timeout_below_100_ms_is_refused()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddGraphQL(b => b.AddExecutionTimeout(TimeSpan.FromMilliseconds(99))));
    }

    [Fact]
    public void The_timeout_is_503_under_graphql_response_json_and_200_under_application_json()
    {
        var result = new ExecutionResult { Errors = [new ExecutionTimeoutError(TimeSpan.FromSeconds(30))] };

        Assert.Equal(503, GraphQLHttpRequestHandler.GetStatusCode(result, GraphQLResponseMediaType.GraphQLResponseJson));
        Assert.Equal(200, GraphQLHttpRequestHandler.GetStatusCode(result, GraphQLResponseMediaType.Json));
        Assert.Equal("The request exceeded the configured timeout of `00:00:30`.", result.Errors[0].Message);
    }

    private static Task<ExecutionResult> ExecuteAsync(string query, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(query, null, timeout, cancellationToken: cancellationToken);

    /// <summary>
    /// Executes <paramref name="query"/> once; with <paramref name="warmUp"/>, the validated-document cache is registered and
    /// the same text runs first with those variables, so the measured request sends a known document.
    /// </summary>
    private static async Task<ExecutionResult> ExecuteAsync(
        string query, Inputs? warmUp, TimeSpan? timeout = null, Inputs? variables = null, ProbeExecution? probe = null, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddGraphQL(b =>
        {
            b.AddSchema<TimeoutTestSchema>()
                .AddSystemTextJson()
                .AddExecutionTimeout(timeout ?? Timeout)
                .AddErrorMasking();
            if (warmUp is not null)
            {
                b.AddValidatedDocumentCache(new DocumentCacheOptions());
            }

            if (probe is not null)
            {
                b.ConfigureExecution(probe);
            }
        });
        await using var provider = services.BuildServiceProvider();
        var executer = provider.GetRequiredService<IDocumentExecuter<ISchema>>();
        if (warmUp is not null)
        {
            await using var first = provider.CreateAsyncScope();
            var warm = await executer.ExecuteAsync(new ExecutionOptions { Query = query, Variables = warmUp, RequestServices = first.ServiceProvider });
            Assert.True(warm.Errors is null, string.Join("; ", warm.Errors?.Select(e => e.Message + " " + e.InnerException) ?? []));
            Assert.Equal(1, provider.GetRequiredService<ValidatedDocumentCache>().Count);
        }

        await using var scope = provider.CreateAsyncScope();
        var options = new ExecutionOptions
        {
            Query = query,
            Variables = variables,
            RequestServices = scope.ServiceProvider,
            CancellationToken = cancellationToken,
        };
        if (probe is not null)
        {
            probe.Reset();
        }

        var execution = executer.ExecuteAsync(options);
        probe?.Returned();
        return await execution;
    }

    private static Inputs Wait(bool wait) => new(new Dictionary<string, object?> { ["wait"] = wait });

    /// <summary>Records whether the execution inside the timeout began before the executer's call returned (in the caller's flow).</summary>
    private sealed class ProbeExecution : GraphQL.DI.IConfigureExecution
    {
        private int _returned;

        public float SortOrder => 1;

        public bool? BeganInCallersFlow { get; private set; }

        public void Reset()
        {
            _returned = 0;
            BeganInCallersFlow = null;
        }

        public void Returned() => Volatile.Write(ref _returned, 1);

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, GraphQL.DI.ExecutionDelegate next)
        {
            BeganInCallersFlow ??= Volatile.Read(ref _returned) == 0;
            return next(options);
        }
    }

    private sealed class TimeoutTestSchema : Schema
    {
        public TimeoutTestSchema(IServiceProvider services)
            : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("fast").Resolve(_ => "ok");
            query.Field<FloatGraphType>("remainingMs").Resolve(_ => ExecutionDeadline.Remaining?.TotalMilliseconds);
            query.Field<StringGraphType>("waitsIf").Argument<NonNullGraphType<BooleanGraphType>>("wait").ResolveAsync(async context =>
            {
                if (context.GetArgument<bool>("wait"))
                {
                    await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
                }

                return "ok";
            });
            query.Field<StringGraphType>("waitsForCancellation").ResolveAsync(async context =>
            {
                await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
                return "never";
            });
            // Like SQLite interrupted by the cancellation: the resolver fails with a driver error, not a cancellation.
            query.Field<StringGraphType>("failsOnceCancelled").ResolveAsync(async context =>
            {
                while (!context.CancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(10, CancellationToken.None);
                }

                throw new InvalidOperationException("interrupted");
            });
            Query = query;
        }
    }
}
