using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>Row rules restricting one entity: draft books are invisible.</summary>
public sealed class DraftsHidden : IRowRules
{
    private static readonly Expression<Func<Book, bool>> NotDraft = b => !b.IsDraft;

    public LambdaExpression? For(Type entityType) => entityType == typeof(Book) ? NotDraft : null;
}

/// <summary>The row rules of one request (scoped): none unless a test sets them.</summary>
public sealed class RequestRowRules
{
    public IRowRules Rules { get; set; } = new NoRowRules();
}
