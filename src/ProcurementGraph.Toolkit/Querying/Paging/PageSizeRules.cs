using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>
/// The one owner of page sizes: for each kind of paged field its largest page and the page it answers when neither
/// <c>first</c> nor <c>last</c> is given, built from <see cref="PagingOptions"/>. The executors read the arguments through
/// <see cref="PageSize.Read"/> and the cost defaults size lists from the same figures.
/// </summary>
public sealed class PageSizeRules
{
    private static readonly ConditionalWeakTable<PagingOptions, PageSizeRules> Built = new();

    private PageSizeRules(PagingOptions options)
    {
        RootConnection = new PageSize(options.MaxRootPageSize, options.DefaultPageSize);
        NestedConnection = new PageSize(options.MaxPageSize, options.DefaultPageSize);
        NestedList = new PageSize(options.MaxPageSize, Default: null);
    }

    /// <summary>A root connection (and a root list of groups): up to the root maximum (BI tools), the default page otherwise.</summary>
    public PageSize RootConnection { get; }

    /// <summary>A connection inside a root's statement: up to the nested maximum, the default page otherwise.</summary>
    public PageSize NestedConnection { get; }

    /// <summary>A relation list (<c>first</c> only): up to the nested maximum, every row without <c>first</c>.</summary>
    public PageSize NestedList { get; }

    /// <summary>The rules of these options (built once per options instance).</summary>
    public static PageSizeRules For(PagingOptions options) => Built.GetValue(options, static o => new PageSizeRules(o));

    /// <summary>The rules of the configured <see cref="PagingOptions"/> (HotChocolate's defaults when none are registered).</summary>
    public static PageSizeRules For(IServiceProvider services) =>
        For(services.GetService<IOptions<PagingOptions>>()?.Value ?? Defaults);

    private static readonly PagingOptions Defaults = new();
}
