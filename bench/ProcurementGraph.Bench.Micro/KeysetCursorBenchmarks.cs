using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using ProcurementGraph.Bench.Micro.Model;
using ProcurementGraph.Toolkit.Querying.Paging;

namespace ProcurementGraph.Bench.Micro;

/// <summary>
/// <see cref="KeysetCursor"/>: every page encodes a start and an end cursor (and one per edge when <c>edges.cursor</c> is
/// selected); every <c>after</c>/<c>before</c> is decoded. A key-only cursor (default order) and a five-key one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs public, unsealed classes only.")]
public class KeysetCursorBenchmarks
{
    private static readonly Type[] KeyOnlyTypes = [typeof(int)];

    // The sort keys of `order: [{ genre: ASC }, { price: DESC }, { author: { name: ASC } }, { publishedOn: DESC }]` and the key.
    private static readonly Type[] FiveKeyTypes = [typeof(Genre), typeof(decimal), typeof(string), typeof(DateOnly), typeof(int)];

    private readonly object?[] _keyOnly = [4711];
    private readonly object?[] _fiveKeys = [Genre.Science, 19.90m, "Ada Greene 8", new DateOnly(1987, 3, 1), 123];
    private string _keyOnlyCursor = null!;
    private string _fiveKeysCursor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keyOnlyCursor = EncodeKeyOnly();
        _fiveKeysCursor = EncodeFiveKeys();
        if (!DecodeFiveKeys().SequenceEqual(_fiveKeys) || !DecodeKeyOnly().SequenceEqual(_keyOnly))
        {
            throw new InvalidOperationException("A cursor did not round-trip.");
        }
    }

    [Benchmark]
    public string EncodeKeyOnly() => KeysetCursor.Encode(_keyOnly);

    [Benchmark]
    public object?[] DecodeKeyOnly() => KeysetCursor.Decode(_keyOnlyCursor, KeyOnlyTypes, "after");

    [Benchmark]
    public string EncodeFiveKeys() => KeysetCursor.Encode(_fiveKeys);

    [Benchmark]
    public object?[] DecodeFiveKeys() => KeysetCursor.Decode(_fiveKeysCursor, FiveKeyTypes, "after");
}
