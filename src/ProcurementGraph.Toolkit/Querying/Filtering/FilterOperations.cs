using System.Collections;
using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>
/// HotChocolate's scalar filter operations, each declared once: the operation inputs (<see cref="OperationFilterInputGraphType"/>)
/// list them, <see cref="ValueOperations"/> builds their expressions and the cost defaults weigh them by their
/// <see cref="FilterOperation.Cost"/>. The groups keep HotChocolate's field order.
/// </summary>
public static class FilterOperations
{
    public static readonly FilterOperation Eq = new("eq", "Equal to the value (null: the field is null).", FilterOperationCost.Regular,
        (value, operand, input) => ValueOperations.Equal(value, operand, input, "eq"), AcceptsNull: true);

    public static readonly FilterOperation Neq = new("neq", "Not equal to the value (null: the field is not null).", FilterOperationCost.Regular,
        (value, operand, input) => Expression.Not(ValueOperations.Equal(value, operand, input, "neq")), AcceptsNull: true);

    public static readonly FilterOperation In = new("in", "Equal to one of the values.", FilterOperationCost.Regular,
        (value, operand, input) => ValueOperations.In(value, (IEnumerable)operand!, "in", input), ListOperand: true);

    public static readonly FilterOperation Nin = new("nin", "Equal to none of the values.", FilterOperationCost.Regular,
        (value, operand, input) => Expression.Not(ValueOperations.In(value, (IEnumerable)operand!, "nin", input)), ListOperand: true);

    public static readonly FilterOperation Gt = Range("gt", "Greater than the value.", ExpressionType.GreaterThan, negated: false);
    public static readonly FilterOperation Ngt = Range("ngt", "Not greater than the value.", ExpressionType.GreaterThan, negated: true);
    public static readonly FilterOperation Gte = Range("gte", "Greater than or equal to the value.", ExpressionType.GreaterThanOrEqual, negated: false);
    public static readonly FilterOperation Ngte = Range("ngte", "Not greater than or equal to the value.", ExpressionType.GreaterThanOrEqual, negated: true);
    public static readonly FilterOperation Lt = Range("lt", "Less than the value.", ExpressionType.LessThan, negated: false);
    public static readonly FilterOperation Nlt = Range("nlt", "Not less than the value.", ExpressionType.LessThan, negated: true);
    public static readonly FilterOperation Lte = Range("lte", "Less than or equal to the value.", ExpressionType.LessThanOrEqual, negated: false);
    public static readonly FilterOperation Nlte = Range("nlte", "Not less than or equal to the value.", ExpressionType.LessThanOrEqual, negated: true);

    public static readonly FilterOperation Contains = TextMatch("contains", "Contains the text, ignoring case.", "%", "%", negated: false);
    public static readonly FilterOperation Ncontains = TextMatch("ncontains", "Does not contain the text, ignoring case.", "%", "%", negated: true);
    public static readonly FilterOperation StartsWith = TextMatch("startsWith", "Starts with the text, ignoring case.", "", "%", negated: false);
    public static readonly FilterOperation NstartsWith = TextMatch("nstartsWith", "Does not start with the text, ignoring case.", "", "%", negated: true);
    public static readonly FilterOperation EndsWith = TextMatch("endsWith", "Ends with the text, ignoring case.", "%", "", negated: false);
    public static readonly FilterOperation NendsWith = TextMatch("nendsWith", "Does not end with the text, ignoring case.", "%", "", negated: true);

    /// <summary><c>StringOperationFilterInput</c> (besides <c>and</c>/<c>or</c>).</summary>
    public static IReadOnlyList<FilterOperation> Text { get; } = [Eq, Neq, Contains, Ncontains, In, Nin, StartsWith, NstartsWith, EndsWith, NendsWith];

    /// <summary>Numbers, dates and times: <c>IntOperationFilterInput</c>, <c>DateTimeOperationFilterInput</c>, ...</summary>
    public static IReadOnlyList<FilterOperation> Comparable { get; } = [Eq, Neq, In, Nin, Gt, Ngt, Gte, Ngte, Lt, Nlt, Lte, Nlte];

    /// <summary>Enums and global IDs.</summary>
    public static IReadOnlyList<FilterOperation> Equality { get; } = [Eq, Neq, In, Nin];

    /// <summary><c>BooleanOperationFilterInput</c>.</summary>
    public static IReadOnlyList<FilterOperation> Boolean { get; } = [Eq, Neq];

    private static readonly Dictionary<string, FilterOperation> ByName =
        Text.Concat(Comparable).DistinctBy(o => o.Name).ToDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>The operation an input field names, if it is one.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FilterOperation? operation) =>
        ByName.TryGetValue(name, out operation);

    private static FilterOperation Range(string name, string meaning, ExpressionType comparison, bool negated) =>
        new(name, meaning, FilterOperationCost.Regular, (value, operand, _) => Not(ValueOperations.Range(comparison, value, operand), negated));

    private static FilterOperation TextMatch(string name, string meaning, string before, string after, bool negated) =>
        new(name, meaning, FilterOperationCost.Expensive,
            (value, operand, _) => Not(ValueOperations.Match(value, before + ValueOperations.Escape(operand, name) + after), negated));

    private static Expression Not(Expression expression, bool negated) => negated ? Expression.Not(expression) : expression;
}
