using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>Seeding an already seeded database: skipped by default, replaced on reset, atomic when cancelled.</summary>
public class DatabaseSeederResetTests
{
    [Fact]
    public async Task Seeding_a_seeded_database_without_reset_is_skipped()
    {
        using var database = new SeedTestDatabase();
        await using (var db = database.CreateContext())
        {
            Assert.False(await DatabaseSeeder.IsSeededAsync(db, CancellationToken.None));
        }

        await database.SeedAsync();
        var progress = new StringWriter();
        var report = await database.SeedAsync(progress: progress);

        Assert.True(report.Skipped);
        Assert.Empty(report.Tables);
        Assert.Contains("skipped", progress.ToString(), StringComparison.OrdinalIgnoreCase);
        await using var check = database.CreateContext();
        Assert.True(await DatabaseSeeder.IsSeededAsync(check, CancellationToken.None));
        Assert.Equal(500, await check.Suppliers.CountAsync());
    }

    [Fact]
    public async Task Reset_replaces_the_data_without_duplicates()
    {
        using var database = new SeedTestDatabase();
        var first = await database.SeedAsync();
        await using (var db = database.CreateContext())
        {
            await db.StakeholderRatings.Where(r => r.Id > 5_000).ExecuteDeleteAsync();
        }

        var progress = new StringWriter();
        var second = await database.SeedAsync(reset: true, progress: progress);

        Assert.False(second.Skipped);
        Assert.Equal(first.Tables.Select(t => (t.Table, t.Rows)), second.Tables.Select(t => (t.Table, t.Rows)));
        Assert.Contains("StakeholderRatings: 10,000 rows", progress.ToString(), StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(2_000, await check.Contracts.CountAsync());
        Assert.Equal(10_000, await check.StakeholderRatings.CountAsync());
        Assert.Equal(500, await check.Suppliers.Select(s => s.Name + s.RegistrationNumber).Distinct().CountAsync());
    }

    [Fact]
    public async Task Cancelling_midway_commits_nothing()
    {
        using var database = new SeedTestDatabase();
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnLine("Suppliers:", cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.SeedAsync(progress: progress, cancellationToken: cancellation.Token));

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.StrategicGoals.CountAsync());
        Assert.Equal(0, await check.Suppliers.CountAsync());
        Assert.False(await DatabaseSeeder.IsSeededAsync(check, CancellationToken.None));
    }

    /// <summary>Cancels as soon as a progress line containing the marker is written.</summary>
    private sealed class CancelOnLine(string marker, CancellationTokenSource cancellation) : StringWriter
    {
        public override Task WriteLineAsync(string? value)
        {
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                cancellation.Cancel();
            }

            return base.WriteLineAsync(value);
        }
    }
}
