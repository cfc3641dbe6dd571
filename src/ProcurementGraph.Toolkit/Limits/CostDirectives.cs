using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// The IBM cost directive <c>@cost(weight: String!)</c>, declared with HotChocolate's exact descriptions and locations.
/// </summary>
public sealed class CostDirective : Directive
{
    public const string DirectiveName = "cost";

    public CostDirective()
        : base(
            DirectiveName,
            DirectiveLocation.Scalar,
            DirectiveLocation.Object,
            DirectiveLocation.FieldDefinition,
            DirectiveLocation.ArgumentDefinition,
            DirectiveLocation.Enum,
            DirectiveLocation.InputFieldDefinition)
    {
        Description = "The purpose of the `cost` directive is to define a `weight` for GraphQL types, fields, and arguments. "
            + "Static analysis can use these weights when calculating the overall cost of a query or response.";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
        {
            Name = "weight",
            Description = "The `weight` argument defines what value to add to the overall cost for every appearance, "
                + "or possible appearance, of a type, field, argument, etc.",
        });
    }
}

/// <summary>
/// The IBM list-size directive <c>@listSize</c>, declared with HotChocolate's exact arguments and descriptions.
/// </summary>
public sealed class ListSizeDirective : Directive
{
    public const string DirectiveName = "listSize";

    public ListSizeDirective()
        : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Description = "The purpose of the `@listSize` directive is to either inform the static analysis about the size of returned lists "
            + "(if that information is statically available), or to point the analysis to where to find that information.";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType>
            {
                Name = "assumedSize",
                Description = "The `assumedSize` argument can be used to statically define the maximum length of a list returned by a field.",
            },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = "slicingArguments",
                Description = "The `slicingArguments` argument can be used to define which of the field's arguments with numeric type are "
                    + "slicing arguments, so that their value determines the size of the list returned by that field. It may specify a "
                    + "list of multiple slicing arguments.",
            },
            new QueryArgument<IntGraphType>
            {
                Name = "slicingArgumentDefaultValue",
                Description = "The `slicingArgumentDefaultValue` argument can be used to define a default value for a slicing argument, "
                    + "which is used if the argument is not present in a query.",
            },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = "sizedFields",
                Description = "The `sizedFields` argument can be used to define that the value of the `assumedSize` argument or of a "
                    + "slicing argument does not affect the size of a list returned by a field itself, but that of a list returned by "
                    + "one of its sub-fields.",
            },
            new QueryArgument<NonNullGraphType<BooleanGraphType>>
            {
                Name = "requireOneSlicingArgument",
                DefaultValue = true,
                Description = "The `requireOneSlicingArgument` argument can be used to inform the static analysis that it should expect "
                    + "that exactly one of the defined slicing arguments is present in a query. If that is not the case (i.e., if none "
                    + "or multiple slicing arguments are present), the static analysis may throw an error.",
            });
    }
}

/// <summary>The arguments of an applied <c>@listSize</c>.</summary>
public sealed record ListSize(
    int? AssumedSize,
    IReadOnlyList<string> SlicingArguments,
    int? SlicingArgumentDefaultValue,
    IReadOnlyList<string> SizedFields,
    bool RequireOneSlicingArgument);

/// <summary>Applies and reads <c>@cost</c> and <c>@listSize</c> on schema elements.</summary>
public static class CostDirectiveExtensions
{
    /// <summary>Applies <c>@cost(weight: "…")</c> unless the element already has one.</summary>
    public static void ApplyCost<TElement>(this TElement element, double weight)
        where TElement : IMetadataReader, IMetadataWriter
    {
        if (element.HasCost())
        {
            return;
        }

        element.ApplyDirective(CostDirective.DirectiveName, "weight", weight.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Applies <c>@listSize(…)</c> unless the element already has one; null arguments are left out.</summary>
    public static void ApplyListSize<TElement>(this TElement element, ListSize listSize)
        where TElement : IMetadataReader, IMetadataWriter
    {
        ArgumentNullException.ThrowIfNull(listSize);
        if (element.GetListSize() is not null)
        {
            return;
        }

        element.ApplyDirective(ListSizeDirective.DirectiveName, directive =>
        {
            if (listSize.AssumedSize is { } assumed)
            {
                directive.AddArgument(new DirectiveArgument("assumedSize") { Value = assumed });
            }

            if (listSize.SlicingArguments.Count > 0)
            {
                directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = listSize.SlicingArguments.ToList() });
            }

            if (listSize.SlicingArgumentDefaultValue is { } defaultValue)
            {
                directive.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = defaultValue });
            }

            if (listSize.SizedFields.Count > 0)
            {
                directive.AddArgument(new DirectiveArgument("sizedFields") { Value = listSize.SizedFields.ToList() });
            }

            directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = listSize.RequireOneSlicingArgument });
        });
    }

    public static bool HasCost(this IMetadataReader element) => element.FindAppliedDirective(CostDirective.DirectiveName) is not null;

    /// <summary>The weight of an applied <c>@cost</c>, or null when there is none (or its weight is not a number).</summary>
    public static double? GetCostWeight(this IMetadataReader element) =>
        element.FindAppliedDirective(CostDirective.DirectiveName)?.FindArgument("weight")?.Value is string weight
        && double.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The applied <c>@listSize</c>, or null.</summary>
    public static ListSize? GetListSize(this IMetadataReader element)
    {
        if (element.FindAppliedDirective(ListSizeDirective.DirectiveName) is not { } directive)
        {
            return null;
        }

        return new ListSize(
            ToInt(directive.FindArgument("assumedSize")?.Value),
            ToStrings(directive.FindArgument("slicingArguments")?.Value),
            ToInt(directive.FindArgument("slicingArgumentDefaultValue")?.Value),
            ToStrings(directive.FindArgument("sizedFields")?.Value),
            directive.FindArgument("requireOneSlicingArgument")?.Value is not false);
    }

    private static int? ToInt(object? value) => value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static string[] ToStrings(object? value) =>
        value is System.Collections.IEnumerable items and not string ? [.. items.Cast<object?>().Select(i => i?.ToString()).OfType<string>()] : [];
}
