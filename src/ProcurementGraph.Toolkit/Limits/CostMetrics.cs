namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// The costs of one operation (IBM GraphQL Cost Directives): the field cost estimates the work of the resolvers,
/// the type cost the number of objects in the response.
/// </summary>
public readonly record struct CostMetrics(double FieldCost, double TypeCost)
{
    public static CostMetrics operator +(CostMetrics left, CostMetrics right) =>
        new(left.FieldCost + right.FieldCost, left.TypeCost + right.TypeCost);

    public static CostMetrics Add(CostMetrics left, CostMetrics right) => left + right;

    /// <summary>The <c>operationCost</c> response extension, as HotChocolate writes it.</summary>
    public Dictionary<string, object?> ToExtension() => new()
    {
        ["fieldCost"] = FieldCost,
        ["typeCost"] = TypeCost,
    };
}
