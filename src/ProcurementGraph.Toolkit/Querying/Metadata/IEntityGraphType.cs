using System.Linq.Expressions;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>An object graph type over an entity, whose fields the querying toolkit can project, filter and sort.</summary>
public interface IEntityGraphType : IObjectGraphType
{
    /// <summary>The entity's CLR type.</summary>
    Type EntityType { get; }

    /// <summary><c>entity =&gt; primary key</c>; the last sort key and the key of global IDs.</summary>
    LambdaExpression Key { get; }

    /// <summary>The declared fields by GraphQL name.</summary>
    IReadOnlyDictionary<string, QueryField> QueryFields { get; }
}
