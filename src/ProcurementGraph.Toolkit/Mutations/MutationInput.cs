using System.Collections;
using System.Globalization;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// The <c>input</c> of a mutation (or one item of a batch) as GraphQL.NET parsed it. A field left out is absent
/// (<see cref="Has"/> is false: keep the stored value); a field given as <c>null</c> is present with a null value (clear it).
/// </summary>
public sealed class MutationInput(IReadOnlyDictionary<string, object?> values, string prefix = "", int? index = null)
{
    /// <summary>The position of this item in a batch; null for a mutation's own input.</summary>
    public int? Index { get; } = index;

    public object? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when the caller gave the field (possibly as <c>null</c>).</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The field's path inside <c>input</c>, as validation errors name it (<c>ratings[3].quality</c>).</summary>
    public string Path(string name) => prefix + name;

    /// <summary>The items of a list of input objects, each with its own path and index.</summary>
    public IReadOnlyList<MutationInput> Items(string name)
    {
        if (this[name] is not IEnumerable list || this[name] is string)
        {
            return [];
        }

        var items = new List<MutationInput>();
        var i = 0;
        foreach (var item in list)
        {
            items.Add(new MutationInput(AsDictionary(item), $"{Path(name)}[{i.ToString(CultureInfo.InvariantCulture)}].", i));
            i++;
        }

        return items;
    }

    /// <summary>The <c>input</c> argument of the field being resolved.</summary>
    public static MutationInput From(object? argument) => new(AsDictionary(argument));

    private static IReadOnlyDictionary<string, object?> AsDictionary(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> readOnly => readOnly,
        IDictionary<string, object?> dictionary => dictionary.AsReadOnly(),
        _ => new Dictionary<string, object?>(),
    };
}
