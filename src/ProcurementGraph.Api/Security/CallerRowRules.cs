using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// The row rules of reads and writes, in one place (docs/SECURITY.md). Reads: a partner's queries see only its own
/// supplier and what hangs off it, on every path (root lists, node, nested lists, totals, derived values), as
/// <see cref="PartnerRowRules"/> declares per entity type; internal callers see every row; a partner without a supplier
/// claim sees none. Writes: a caller changes only rows it sees, and of those a
/// rater (not Admin) only its own business unit's ratings, and a partner only its own supplier. Which fields and
/// mutations a role may use at all is the access table's job (<see cref="AccessRules"/>).
/// </summary>
public sealed class CallerRowRules : IRowRules, IRowWriteRules
{
    private readonly ProcurementCaller? _caller;
    private readonly RowRuleCache<int> _partnerRules;
    private readonly ProcurementDbContext _db;
    private IRowRules? _rules;
    private Dictionary<Type, LambdaExpression>? _writeRules;

    /// <summary>
    /// The caller is read once; its read rules (a partner's come built from <paramref name="partnerRules"/>, shared by its
    /// requests) and its write rules are made when first asked for.
    /// </summary>
    public CallerRowRules(IHttpContextAccessor http, IOptions<SecurityOptions> options, RowRuleCache<int> partnerRules, ProcurementDbContext db)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(partnerRules);
        ArgumentNullException.ThrowIfNull(db);
        var user = http.HttpContext?.User;
        _caller = user is null ? null : ProcurementCaller.From(user, options.Value);
        (_partnerRules, _db) = (partnerRules, db);
    }

    public LambdaExpression? For(Type entityType) => ReadRules()?.For(entityType);

    public LambdaExpression? ForWrite(Type entityType) => WriteRules().GetValueOrDefault(entityType);

    private IRowRules? ReadRules()
    {
        if (_rules is null && _caller is { IsPartner: true })
        {
            // A partner sees by the declared partner rule (undeclared entity types: nothing); without a supplier, nothing.
            _rules = _caller.SupplierId is { } id ? _partnerRules.For(id, _db.Model) : RowRules.NoneOf(_db.Model);
        }

        return _rules;
    }

    private Dictionary<Type, LambdaExpression> WriteRules()
    {
        if (_writeRules is null)
        {
            _writeRules = [];
            AddWriteRules(_caller);
        }

        return _writeRules;
    }

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

    private void AddWrite<T>(Expression<Func<T, bool>> rule) => _writeRules![typeof(T)] = rule;
}
