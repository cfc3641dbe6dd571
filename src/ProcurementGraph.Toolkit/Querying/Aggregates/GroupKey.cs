namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// The composite key of a <c>GroupBy</c> built at run time: EF Core groups by the members a member-init expression assigns
/// (<c>new GroupKey&lt;...&gt; { K1 = x.CategoryId, K2 = x.Status }</c>), which anonymous types cannot be made for. Unused
/// type arguments stay <see cref="bool"/> and their members unassigned.
/// </summary>
public sealed class GroupKey<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>
{
    public T1 K1 { get; set; } = default!;

    public T2 K2 { get; set; } = default!;

    public T3 K3 { get; set; } = default!;

    public T4 K4 { get; set; } = default!;

    public T5 K5 { get; set; } = default!;

    public T6 K6 { get; set; } = default!;

    public T7 K7 { get; set; } = default!;

    public T8 K8 { get; set; } = default!;

    public T9 K9 { get; set; } = default!;

    public T10 K10 { get; set; } = default!;

    public T11 K11 { get; set; } = default!;

    public T12 K12 { get; set; } = default!;
}

/// <summary>Makes <see cref="GroupKey{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12}"/> types for key value types.</summary>
public static class GroupKey
{
    /// <summary>The most keys one request may group by (and one definition may declare).</summary>
    public const int MaxKeys = 12;

    /// <summary>The key class for these value types, in order (members <c>K1</c>, <c>K2</c>, ...).</summary>
    public static Type For(IReadOnlyList<Type> valueTypes)
    {
        if (valueTypes.Count > MaxKeys)
        {
            throw new ArgumentException($"At most {MaxKeys} grouping keys are supported.", nameof(valueTypes));
        }

        var arguments = new Type[MaxKeys];
        for (var i = 0; i < MaxKeys; i++)
        {
            arguments[i] = i < valueTypes.Count ? valueTypes[i] : typeof(bool);
        }

        return typeof(GroupKey<,,,,,,,,,,,>).MakeGenericType(arguments);
    }

    public static string Member(int index) => "K" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
