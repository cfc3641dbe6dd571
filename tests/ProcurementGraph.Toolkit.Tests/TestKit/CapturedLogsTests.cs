using Microsoft.Extensions.Logging;
using ProcurementGraph.TestKit;

namespace ProcurementGraph.Toolkit.Tests.TestKit;

/// <summary>The shared log capture: one line a message, with level, category and any exception; levels below its minimum dropped.</summary>
public sealed class CapturedLogsTests
{
    [Fact]
    public void A_line_carries_level_category_message_and_the_exception()
    {
        using var logs = new CapturedLogs();
        var logger = logs.CreateLogger("Some.Category");

        logger.LogWarning("refused {Reason}", "badly");
        logger.LogError(new InvalidOperationException("it broke"), "failed");

        Assert.Equal(
            ["Warning Some.Category: refused badly", "Error Some.Category: failed InvalidOperationException: it broke"],
            logs.Lines);
    }

    [Theory]
    [InlineData(LogLevel.Debug, new[] { "Debug", "Information" })]
    [InlineData(LogLevel.Trace, new[] { "Trace", "Debug", "Information" })]
    [InlineData(LogLevel.Information, new[] { "Information" })]
    public void Levels_below_the_minimum_are_not_kept(LogLevel minimum, string[] kept)
    {
        using var logs = new CapturedLogs(minimum);
        var logger = logs.CreateLogger("C");

        logger.LogTrace("m");
        logger.LogDebug("m");
        logger.LogInformation("m");

        Assert.Equal(kept, logs.Lines.Select(line => line.Split(' ')[0]));
    }
}
