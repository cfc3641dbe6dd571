using ProcurementGraph.Toolkit.Execution;

namespace ProcurementGraph.Toolkit.Tests.Execution;

public sealed class ExecutionDeadlineTests
{
    [Fact]
    public void A_deadline_holds_for_its_scope_and_an_earlier_enclosing_one_wins()
    {
        Assert.Null(ExecutionDeadline.Remaining);
        using (ExecutionDeadline.Begin(TimeSpan.FromSeconds(2)))
        {
            Assert.InRange(ExecutionDeadline.Remaining!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            using (ExecutionDeadline.Begin(TimeSpan.FromMinutes(5)))
            {
                Assert.True(ExecutionDeadline.Remaining <= TimeSpan.FromSeconds(2));
            }

            using (ExecutionDeadline.Begin(TimeSpan.FromMilliseconds(300)))
            {
                Assert.True(ExecutionDeadline.Remaining <= TimeSpan.FromMilliseconds(300));
            }

            Assert.True(ExecutionDeadline.Remaining > TimeSpan.FromMilliseconds(300));
        }

        Assert.Null(ExecutionDeadline.Remaining);
    }

    [Theory]
    [InlineData(30, null, 30)] // no deadline: the configured timeout
    [InlineData(30, 2.9, 2)] // whole seconds, rounded down: the command ends before the deadline
    [InlineData(30, 0.0, 1)] // at least one second
    [InlineData(5, 20.0, 5)] // the configured timeout when it is shorter
    [InlineData(0, 3.5, 3)] // "no timeout" is bounded by the deadline
    public void The_command_timeout_is_bounded_by_the_time_left(int configured, double? remainingSeconds, int expected)
    {
        TimeSpan? remaining = remainingSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
        Assert.Equal(expected, DeadlineCommandInterceptor.ClampedTimeout(configured, remaining));
    }
}
