using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>A projected row: the <c>new object[] { ... }</c> expression and the layout of its slots.</summary>
public readonly record struct ProjectedRow(Expression Row, RowShape Shape);
