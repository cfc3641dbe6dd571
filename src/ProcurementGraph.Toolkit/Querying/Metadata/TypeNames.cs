namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's names for the generated types.</summary>
public static class TypeNames
{
    /// <summary>Field metadata key: the node type name of a connection field.</summary>
    public const string ConnectionNodeKey = "querying:connectionNode";

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    public static string Connection(string fieldName) => Pascal(fieldName) + "Connection";

    public static string Edge(string fieldName) => Pascal(fieldName) + "Edge";

    public static string Filter(string entityTypeName) => entityTypeName + "FilterInput";

    public static string Sort(string entityTypeName) => entityTypeName + "SortInput";

    public static string ListFilter(string entityTypeName) => "ListFilterInputTypeOf" + Filter(entityTypeName);

    public static string Operation(string scalarOrEnumName) => scalarOrEnumName + "OperationFilterInput";

    public const string IdOperation = "IdOperationFilterInput";

    public const string SortEnum = "SortEnumType";
}
