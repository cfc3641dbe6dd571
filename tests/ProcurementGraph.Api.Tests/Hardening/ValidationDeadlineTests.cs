using System.Diagnostics;
using System.Net;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.Hardening.HardeningTestKit;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>
/// One deadline covers the whole request, validation included: a document whose validation outlasts the execution timeout
/// is answered <c>HC0045</c> at the deadline and never executed afterwards, and a client that goes away cancels the work.
/// Validation is made slow by a test rule that burns CPU and ignores cancellation, as a quadratic rule would.
/// </summary>
public sealed class ValidationDeadlineTests
{
    [Fact]
    public async Task Validation_longer_than_the_timeout_is_answered_HC0045_at_the_deadline()
    {
        var slow = new SlowValidationRule(ignoreCancellation: true, TimeSpan.FromSeconds(4));
        var statements = new SqlStatementCounter();
        await using var factory = await HardeningApiFactory.StartWithServicesAsync(
            services => services.AddSingleton<IConfigureExecution>(new AddRule(slow)),
            new Dictionary<string, string?> { ["GraphQL:ExecutionTimeoutSeconds"] = "1" }, statements);
        using var client = factory.CreateClient();
        slow.Enabled = false;
        await client.PostAsync("{ me { name } }"); // warm up: the schema is built, the endpoint compiled
        slow.Enabled = true;
        statements.Reset();

        var answer = await client.PostAsync(SuppliersQuery, GraphQLResponseJson);

        Assert.True(answer.Elapsed < TimeSpan.FromSeconds(1.5), $"answered after {answer.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Response.StatusCode);
        Assert.Equal("HC0045", answer.FirstCode);
        Assert.Null(answer.Body["data"]);

        // The abandoned validation ends later; the operation is never executed after it.
        Assert.True(await slow.Finished.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await Task.Delay(200);
        Assert.Equal(0, statements.Count);
        slow.Enabled = false;
        var next = await client.PostAsync(SuppliersQuery);
        Assert.Equal(2, next.Body["data"]?["suppliers"]?["nodes"]?.AsArray().Count);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_validation_it_started()
    {
        var slow = new SlowValidationRule(ignoreCancellation: false, TimeSpan.FromSeconds(20));
        await using var factory = await HardeningApiFactory.StartWithServicesAsync(
            services => services.AddSingleton<IConfigureExecution>(new AddRule(slow)));
        using var client = factory.CreateClient();
        slow.Enabled = false;
        await client.PostAsync("{ me { name } }");
        slow.Enabled = true;

        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(
            "/graphql", new StringContent("""{"query":"{ me { name } }"}""", System.Text.Encoding.UTF8, "application/json"), gone.Token));

        // The validation saw the request's cancellation soon after the client left, long before its 20 s.
        Assert.True(await slow.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(slow.Cancelled, "the validation was not cancelled");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelled after {clock.Elapsed}");
    }

    /// <summary>Adds <paramref name="rule"/> to the request's validation rules.</summary>
    private sealed class AddRule(IValidationRule rule) : IConfigureExecution
    {
        public float SortOrder => 160;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Append(rule);
            return next(options);
        }
    }

    /// <summary>Burns CPU for a while during validation, observing the request's cancellation or not.</summary>
    private sealed class SlowValidationRule(bool ignoreCancellation, TimeSpan duration) : ValidationRuleBase
    {
        public bool Enabled { get; set; }

        public bool Cancelled { get; private set; }

        public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            if (Enabled)
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < duration)
                {
                    if (!ignoreCancellation && context.CancellationToken.IsCancellationRequested)
                    {
                        Cancelled = true;
                        break;
                    }

                    Thread.SpinWait(1_000);
                }

                Finished.TrySetResult(true);
            }

            return default;
        }
    }
}
