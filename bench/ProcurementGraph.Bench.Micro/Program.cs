using BenchmarkDotNet.Running;

// bench/micro.sh runs this in Release: a full run by default, `--smoke` for CI. Any BenchmarkDotNet argument works,
// e.g. `dotnet run -c Release --project bench/ProcurementGraph.Bench.Micro -- --filter '*Cursor*' --job short`.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();

// A benchmark that threw, failed validation or produced no measurement fails the run (CI relies on the exit code).
// `--list` and `--help` run nothing and succeed.
if (args.Any(a => a is "--list" or "--help" or "-h" or "--version" or "--info"))
{
    return 0;
}

var failures = summaries
    .SelectMany(s => s.ValidationErrors.Where(e => e.IsCritical).Select(e => $"{s.Title}: {e.Message}")
        .Concat(s.Reports.Where(r => !r.Success || r.ResultStatistics is null).Select(r => $"{r.BenchmarkCase.DisplayInfo}: no result")))
    .ToList();
if (summaries.Count == 0 || summaries.All(s => s.Reports.IsEmpty))
{
    failures.Add("No benchmark ran (check --filter).");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"BENCHMARK FAILED: {failure}");
}

return failures.Count == 0 ? 0 : 1;
