using System.Net;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.TestKit;
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
        using var slow = new SlowValidationRule(ignoreCancellation: true);
        var statements = new SqlStatementCounter();
        await using var factory = await HardeningApiFactory.StartWithServicesAsync(
            services => services.AddSingleton<IConfigureExecution>(new AddRule(slow)),
            new Dictionary<string, string?> { ["GraphQL:ExecutionTimeoutSeconds"] = "1" }, statements);
        using var client = factory.CreateClient();
        slow.Enabled = false;
        await client.PostAsync("{ me { name } }"); // warm up: the schema is built, the endpoint compiled
        slow.Enabled = true;
        statements.Reset();

        // The validation holds until the test lets it go, so an answer that arrives now was given at the deadline,
        // not after the validation (no clock is read: a busy machine can only delay the answer, not fake it).
        var answer = await client.PostAsync(SuppliersQuery, GraphQLResponseJson).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(slow.Finished.Task.IsCompleted, "the answer waited for the validation");
        Assert.True(slow.Started.Task.IsCompleted, "the validation never ran");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Response.StatusCode);
        Assert.Equal("HC0045", answer.FirstCode);
        Assert.Null(answer.Body["data"]);

        // The abandoned validation ends later; the operation is never executed after it.
        slow.Release();
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
        using var slow = new SlowValidationRule(ignoreCancellation: false);
        await using var factory = await HardeningApiFactory.StartWithServicesAsync(
            services => services.AddSingleton<IConfigureExecution>(new AddRule(slow)));
        using var client = factory.CreateClient();
        slow.Enabled = false;
        await client.PostAsync("{ me { name } }");
        slow.Enabled = true;

        // A document of its own: the warm-up's is kept validated, and a kept document does not run the document-only rules again.
        using var gone = new CancellationTokenSource();
        var request = client.PostAsync(
            "/graphql", new StringContent("""{"query":"{ me { name } __typename }"}""", System.Text.Encoding.UTF8, "application/json"), gone.Token);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // The validation waits for the request's cancellation (or the test's release, which never comes): it must see it.
        Assert.True(await slow.Finished.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(slow.Cancelled, "the validation was not cancelled");
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

    /// <summary>
    /// Holds the validation until <see cref="Release"/> is called, as a quadratic rule would hold it; it either ignores the
    /// request's cancellation or gives up when it sees it.
    /// </summary>
    private sealed class SlowValidationRule(bool ignoreCancellation) : ValidationRuleBase, IDisposable
    {
        private readonly ManualResetEventSlim _released = new();

        public bool Enabled { get; set; }

        public bool Cancelled { get; private set; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.Set();

        public void Dispose()
        {
            _released.Set();
            _released.Dispose();
        }

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            if (Enabled)
            {
                Started.TrySetResult();
                if (ignoreCancellation)
                {
                    _released.Wait(TimeSpan.FromMinutes(2));
                }
                else
                {
                    try
                    {
                        _released.Wait(TimeSpan.FromMinutes(2), context.CancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        Cancelled = true;
                    }
                }

                Finished.TrySetResult(true);
            }

            return default;
        }
    }
}
