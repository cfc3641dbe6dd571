using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Server.Mutations;
using ProcurementGraph.Server.Querying;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// The row rules of reads and writes, in one place (SECURITY.md). Reads: a partner's queries see only its own supplier
/// and what hangs off it, on every path (root lists, node, nested lists, totals, derived values); internal callers see
/// every row; a partner without a supplier claim sees none. Writes: a caller changes only rows it sees, and of those a
/// rater (not Admin) only its own business unit's ratings, and a partner only its own supplier. Which fields and
/// mutations a role may use at all is the access table's job (<see cref="AccessRules"/>).
/// </summary>
public sealed class CallerRowRules : IRowRules, IRowWriteRules
{
    private readonly Dictionary<Type, LambdaExpression> _rules = [];
    private readonly Dictionary<Type, LambdaExpression> _writeRules = [];

    public CallerRowRules(IHttpContextAccessor http, IOptions<SecurityOptions> options)
    {
        var user = http.HttpContext?.User;
        var caller = user is null ? null : ProcurementCaller.From(user, options.Value);
        AddWriteRules(caller);
        if (caller is not { IsPartner: true })
        {
            return;
        }

        if (caller.SupplierId is not { } id)
        {
            foreach (var type in new[] { typeof(Supplier), typeof(Contract), typeof(Category), typeof(CategorySupplier), typeof(StakeholderRating), typeof(BusinessUnit), typeof(ValueDriver), typeof(StrategicGoal), typeof(GoalCategory), typeof(CategoryPerformance), typeof(BusinessUnitPerformance) })
            {
                _rules[type] = Expression.Lambda(Expression.Constant(false), Expression.Parameter(type, "x"));
            }

            return;
        }

        Add<Supplier>(s => s.Id == id);
        Add<Contract>(c => c.SupplierId == id);
        Add<Category>(c => c.Suppliers.Any(l => l.SupplierId == id) || c.Contracts.Any(k => k.SupplierId == id));
        Add<CategorySupplier>(l => l.SupplierId == id);

        // Individual ratings are hidden by the field table; the rule keeps aggregates (ratingSummary) to the own supplier.
        Add<StakeholderRating>(r => r.SupplierId == id);
        Add<BusinessUnit>(b => b.Contracts.Any(c => c.SupplierId == id));

        // Drivers stay internal by the field table; the rule keeps those the own ratings are weighted by (ratingSummary's
        // averageValueWeightedScore), which a rule of false would turn into 0.
        Add<ValueDriver>(d => d.BusinessUnit.Ratings.Any(r => r.SupplierId == id));
        Add<StrategicGoal>(_ => false);
        Add<GoalCategory>(_ => false);

        // Satisfaction next to savings mixes every supplier's ratings and contracts and shows savings: no row for a partner.
        Add<CategoryPerformance>(_ => false);
        Add<BusinessUnitPerformance>(_ => false);
    }

    public LambdaExpression? For(Type entityType) => _rules.GetValueOrDefault(entityType);

    public LambdaExpression? ForWrite(Type entityType) => _writeRules.GetValueOrDefault(entityType);

    private void AddWriteRules(ProcurementCaller? caller)
    {
        // A rater rates for its own business unit (the claim carries its code); Admin for any. No claim: none.
        if (caller is null || !caller.Roles.Contains(ProcurementRoles.Admin, StringComparer.Ordinal) || caller.IsPartner)
        {
            var unit = caller?.BusinessUnit;
            AddWrite<StakeholderRating>(unit is null ? _ => false : r => r.BusinessUnit.Code == unit);
        }

        // A partner changes its own supplier only (and the access table lets it change the contact fields only).
        if (caller is { IsPartner: true })
        {
            var own = caller.SupplierId;
            AddWrite<Supplier>(own is { } id ? s => s.Id == id : _ => false);
        }
    }

    private void AddWrite<T>(Expression<Func<T, bool>> rule) => _writeRules[typeof(T)] = rule;

    private void Add<T>(Expression<Func<T, bool>> rule) => _rules[typeof(T)] = rule;
}
