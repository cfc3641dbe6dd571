using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>What the toolkit needs to know about a field's expression.</summary>
public static class ExpressionFacts
{
    /// <summary>True when the expression reads a navigation (a related row or list), not only the entity's own columns.</summary>
    public static bool ReadsRelations(LambdaExpression expression)
    {
        var finder = new NavigationFinder();
        finder.Visit(expression.Body);
        return finder.Found;
    }

    /// <summary>Whether the value may be null: nullable value types, and reference members annotated nullable.</summary>
    public static bool IsNullable(LambdaExpression expression)
    {
        var type = expression.ReturnType;
        if (type.IsValueType)
        {
            return Nullable.GetUnderlyingType(type) is not null;
        }

        return expression.Body is not MemberExpression { Member: PropertyInfo property }
            || new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull;
    }

    private sealed class NavigationFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is not null && node.Type != typeof(string)
                && (node.Type.IsClass || node.Type.IsInterface || typeof(IEnumerable).IsAssignableFrom(node.Type)))
            {
                Found = true;
            }

            return base.VisitMember(node);
        }
    }
}
