using System.Diagnostics;
using System.Globalization;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Counts the rows of one table and reports every <see cref="Every"/> rows, then once at the end.</summary>
internal sealed class BulkProgress(TextWriter output, string table)
{
    public const int Every = 100_000;

    private readonly Stopwatch clock = Stopwatch.StartNew();

    public long Rows { get; private set; }

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Counts one row; writes a progress line every <see cref="Every"/> rows.</summary>
    public void Row()
    {
        if (++Rows % Every == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table}: {Rows:N0} rows ({clock.Elapsed.TotalSeconds:F1} s)"));
        }
    }

    public Task CompletedAsync() =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table}: {Rows:N0} rows in {clock.Elapsed.TotalSeconds:F2} s"));
}
