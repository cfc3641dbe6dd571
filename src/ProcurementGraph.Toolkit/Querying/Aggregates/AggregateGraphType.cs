using GraphQL;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary><c>{Entity}Aggregate</c>: one group, its key and its aggregate values.</summary>
[DoNotRegister]
public sealed class AggregateGraphType : ObjectGraphType<AggregateGroup>
{
    public AggregateGraphType(AggregateModel model)
    {
        Name = AggregateNames.Group(model.Name);
        Description = $"A group of `{model.Name}` rows: the values it is grouped by and aggregates over its rows.";
        AggregateTypes.Add(this, "key", new NonNullGraphType(new GraphQLTypeReference(AggregateNames.Key(model.Name))),
            "The values the group is grouped by (`groupBy`); a key not grouped by is null.", c => c.Source, []);
        AggregateTypes.Add(this, "count", new NonNullGraphType(new IntGraphType()), "The number of rows in the group.",
            c => ((AggregateGroup)c.Source!).Count, []);
        foreach (var function in AggregateNames.ValueFunctions)
        {
            if (AggregateTypes.HasValues(model, function))
            {
                AggregateTypes.Add(this, AggregateNames.Field(function), new GraphQLTypeReference(AggregateNames.Values(model.Name, function)),
                    Describe(function), c => new AggregateValues((AggregateGroup)c.Source!, function), []);
            }
        }
    }

    private static string Describe(AggregateFunction function) => function switch
    {
        AggregateFunction.Sum => "Sums over the group's rows (exact for decimal fields).",
        AggregateFunction.Avg => "Averages over the group's rows (in floating point); null when every value is null.",
        AggregateFunction.Min => "The smallest values in the group; null when every value is null.",
        AggregateFunction.Max => "The largest values in the group; null when every value is null.",
        _ => "How many distinct non-null values each key takes in the group.",
    };
}

/// <summary><c>{Entity}AggregateKey</c>: the grouped values, typed; an object key returns the related row.</summary>
[DoNotRegister]
public sealed class AggregateKeyGraphType : ObjectGraphType<AggregateGroup>
{
    public AggregateKeyGraphType(AggregateModel model)
    {
        Name = AggregateNames.Key(model.Name);
        Description = $"The key of a group of `{model.Name}` rows: the value of each field grouped by (`groupBy`), null for the others.";
        foreach (var key in model.Keys)
        {
            object type = key.IsObject ? new GraphQLTypeReference(key.TargetTypeName!) : AggregateTypes.Scalar(key.OutputType!);
            var name = key.Name;
            AggregateTypes.Add(this, name, type, key.Definition.Description, c => ((AggregateGroup)c.Source!).Key(name), key.Sources);
        }
    }
}

/// <summary><c>{Entity}Aggregate{Function}</c>: one function's values over a group's rows, one field per measure (or key).</summary>
[DoNotRegister]
public sealed class AggregateValuesGraphType : ObjectGraphType<AggregateValues>
{
    public AggregateValuesGraphType(AggregateModel model, AggregateFunction function)
    {
        Name = AggregateNames.Values(model.Name, function);
        Description = $"The {AggregateNames.Field(function)} of each field over a group of `{model.Name}` rows.";
        if (function == AggregateFunction.CountDistinct)
        {
            foreach (var key in model.Keys)
            {
                var name = key.Name;
                AggregateTypes.Add(this, name, new IntGraphType(), $"Distinct non-null values of the key `{name}` ({key.Value}) in the group.",
                    c => ((AggregateValues)c.Source!).Group.Value(function, name), key.Sources);
            }

            return;
        }

        foreach (var measure in model.MeasuresOf(function))
        {
            var name = measure.Name;
            AggregateTypes.Add(this, name, AggregateTypes.Scalar(measure.ResultType(function)), measure.Description,
                c => ((AggregateValues)c.Source!).Group.Value(function, name), measure.Sources);
        }
    }
}

/// <summary><c>{Entity}GroupBy</c>: the keys a request may group by.</summary>
[DoNotRegister]
public sealed class GroupByGraphType : EnumerationGraphType
{
    public GroupByGraphType(AggregateModel model)
    {
        Name = AggregateNames.GroupBy(model.Name);
        Description = $"A key to group `{model.Name}` rows by; its value is the field of the same name in `{AggregateNames.Key(model.Name)}`.";
        foreach (var key in model.Keys)
        {
            Add(key.Value, key, $"Groups by `{key.Name}`: {key.Definition.Description}");
        }
    }
}
