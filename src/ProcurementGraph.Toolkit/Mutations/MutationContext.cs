using System.Linq.Expressions;
using System.Security.Claims;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// What a mutation handler works with, inside the field's transaction: the input, a validator, the data context, and
/// the caller's rows (read rules for what it may see, write rules for what it may change, both applied here).
/// </summary>
public sealed class MutationContext
{
    private readonly IRowRules _readRules;
    private readonly IRowWriteRules? _writeRules;
    private readonly IAuditTrail? _audit;
    private readonly bool _publishes;
    private readonly List<AuditedChange> _changes = [];

    internal MutationContext(IResolveFieldContext field, DbContext db)
    {
        var services = field.RequestServices ?? throw new InvalidOperationException("The request has no services.");
        Field = field;
        Db = db;
        Input = MutationInput.From(field.Arguments?.TryGetValue("input", out var input) == true ? input.Value : null);
        _readRules = services.GetService<IRowRules>() ?? new NoRowRules();
        _writeRules = services.GetService<IRowWriteRules>();
        _audit = services.GetService<IAuditTrail>();
        _publishes = services.GetService<Subscriptions.IEntityChangeBus>() is not null;
    }

    /// <summary>The changes saved so far (what the audit trail recorded), published as events once the transaction commits.</summary>
    internal IReadOnlyList<AuditedChange> Changes => _changes;

    public IResolveFieldContext Field { get; }

    /// <summary>The mutation field's name (<c>updateSupplier</c>), recorded by the audit trail.</summary>
    public string Operation => Field.FieldDefinition.Name;

    public ClaimsPrincipal User => Field.User ?? new ClaimsPrincipal();

    public DbContext Db { get; }

    public MutationInput Input { get; }

    public InputValidator Validation { get; } = new();

    public CancellationToken CancellationToken => Field.CancellationToken;

    /// <summary>Ends the handler with the validation errors collected so far, when there are any (nothing is written).</summary>
    public void ThrowIfInvalid()
    {
        if (!Validation.IsValid)
        {
            throw new MutationAbortedException(Validation.Errors);
        }
    }

    /// <summary>The rows of <typeparamref name="T"/> the caller may see, untracked (for existence checks of references).</summary>
    public IQueryable<T> Visible<T>()
        where T : class
    {
        var rows = Db.Set<T>().AsNoTracking();
        return _readRules.For(typeof(T)) is Expression<Func<T, bool>> rule ? rows.Where(rule) : rows;
    }

    /// <summary>
    /// The tracked row matching <paramref name="predicate"/> that the caller may change, in one statement. A row the caller
    /// may not see ends the handler with <see cref="NotFoundError"/> on <paramref name="idField"/>; a visible row the
    /// write rules refuse is <c>AUTH_NOT_AUTHORIZED</c>. <paramref name="include"/> loads related rows in the same statement
    /// (<c>q => q.Include(o => o.Lines)</c>).
    /// </summary>
    public Task<T> FindWritableAsync<T>(Expression<Func<T, bool>> predicate, MutationInput input, string idField, Func<IQueryable<T>, IQueryable<T>>? include = null)
        where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        return FindWritableAsync(predicate, Expression.Lambda<Func<T, T>>(row, row), input, idField, include);
    }

    /// <summary>
    /// <paramref name="projection"/> of the row matching <paramref name="predicate"/> that the caller may change, in one
    /// statement (for set-based writes that need more than the row: related rows, values to check); the same rules and
    /// errors as <see cref="FindWritableAsync{T}(Expression{Func{T, bool}}, MutationInput, string, Func{IQueryable{T}, IQueryable{T}})"/>.
    /// </summary>
    public async Task<TResult> FindWritableAsync<T, TResult>(
        Expression<Func<T, bool>> predicate, Expression<Func<T, TResult>> projection, MutationInput input, string idField,
        Func<IQueryable<T>, IQueryable<T>>? include = null)
        where T : class
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(input);
        var row = projection.Parameters[0];
        var writable = _writeRules?.ForWrite(typeof(T)) is { } rule ? ParameterReplacer.Apply(rule, row) : Expression.Constant(true);
        var candidate = Expression.Lambda<Func<T, Candidate<TResult>>>(
            Expression.MemberInit(
                Expression.New(typeof(Candidate<TResult>)),
                Expression.Bind(typeof(Candidate<TResult>).GetProperty(nameof(Candidate<TResult>.Entity))!, projection.Body),
                Expression.Bind(typeof(Candidate<TResult>).GetProperty(nameof(Candidate<TResult>.Writable))!, writable)),
            row);
        var rows = Db.Set<T>().AsTracking().Where(predicate);
        if (include is not null)
        {
            rows = include(rows);
        }

        if (_readRules.For(typeof(T)) is Expression<Func<T, bool>> readRule)
        {
            rows = rows.Where(readRule);
        }

        var found = await rows.Select(candidate).FirstOrDefaultAsync(CancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            throw new MutationAbortedException(new NotFoundError(input.Path(idField), input[idField] as string ?? string.Empty, input.Index));
        }

        return found.Writable ? found.Entity : throw new FieldAuthorizationError();
    }

    /// <summary>Refuses the write (<c>AUTH_NOT_AUTHORIZED</c>) unless the write rules let the caller change rows like <paramref name="row"/>.</summary>
    public void EnsureWritable<T>(T row)
        where T : class
    {
        if (_writeRules?.ForWrite(typeof(T)) is Expression<Func<T, bool>> rule)
        {
            if (!_compiledRules.TryGetValue(typeof(T), out var compiled))
            {
                _compiledRules[typeof(T)] = compiled = rule.Compile(preferInterpretation: true);
            }

            if (!((Func<T, bool>)compiled)(row))
            {
                throw new FieldAuthorizationError();
            }
        }
    }

    private readonly Dictionary<Type, Delegate> _compiledRules = [];

    /// <summary>
    /// Ends the handler with <see cref="ConcurrencyConflictError"/> unless <paramref name="expectedVersion"/> is the
    /// row's current version; the token stays in the UPDATE's WHERE, so a writer that commits in between still loses.
    /// </summary>
    public void EnsureVersion(object entity, string? expectedVersion)
    {
        var entry = Db.Entry(entity);
        var token = entry.Metadata.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken)
            ?? throw new InvalidOperationException($"{entry.Metadata.DisplayName()} has no concurrency token.");
        var current = entry.Property(token.Name).CurrentValue;
        if (!Versions.Matches(current, expectedVersion))
        {
            throw new MutationAbortedException(new ConcurrencyConflictError(Versions.Format(current)));
        }
    }

    /// <summary>
    /// Saves the tracked changes, then the audit rows of exactly those changes (in the same transaction). A row changed
    /// by someone else meanwhile (its concurrency token no longer matches) ends the handler with <see cref="ConcurrencyConflictError"/>;
    /// a refused write for which <paramref name="onRefused"/> finds an error ends it with that error.
    /// </summary>
    public async Task SaveChangesAsync(Func<DbUpdateException, Task<MutationError?>>? onRefused = null)
    {
        var pending = ChangeCollector.Collect(Db, _audit is not null ? _audit.Audits : _publishes ? static _ => true : null);
        try
        {
            await SaveAsync().ConfigureAwait(false);
        }
        catch (DbUpdateException refused) when (refused is not DbUpdateConcurrencyException && onRefused is not null)
        {
            // A constraint the handler knows (a unique value another row took meanwhile): a typed error, rolled back.
            if (await onRefused(refused).ConfigureAwait(false) is { } error)
            {
                throw new MutationAbortedException(error);
            }

            throw;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            var entry = conflict.Entries.Count > 0 ? conflict.Entries[0] : null;
            var values = entry is null ? null : await entry.GetDatabaseValuesAsync(CancellationToken).ConfigureAwait(false);
            var token = entry?.Metadata.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken);
            throw new MutationAbortedException(new ConcurrencyConflictError(values is null || token is null ? null : Versions.Format(values[token])));
        }

        if (pending.Count == 0)
        {
            return;
        }

        var changes = ChangeCollector.Describe(pending, EntityTypeName);
        if (_audit is not null)
        {
            _audit.Add(Db, this, changes);
            await SaveAsync().ConfigureAwait(false);
        }

        _changes.AddRange(changes);
    }

    /// <summary>
    /// Records <paramref name="changes"/> in the audit trail and saves them, in the field's transaction: for set-based
    /// writes (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) that bypass the change tracker <see cref="SaveChangesAsync"/> reads
    /// the audited changes from. One change per written row, as <see cref="SaveChangesAsync"/> records them.
    /// </summary>
    public async Task AuditAsync(IReadOnlyList<AuditedChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (_audit is not null && changes.Count > 0)
        {
            _audit.Add(Db, this, changes);
            await SaveAsync().ConfigureAwait(false);
        }

        _changes.AddRange(changes);
    }

    /// <summary>
    /// Replaces the rows of the collection <paramref name="navigation"/> of <paramref name="principal"/> (tracked, the collection
    /// loaded, e.g. through <see cref="FindWritableAsync{T}(Expression{Func{T, bool}}, MutationInput, string, Func{IQueryable{T}, IQueryable{T}})"/>'s include) with <paramref name="rows"/> as a whole, in one command
    /// (<see cref="DependentSets"/>), at the principal's version as read: a version that changed meanwhile ends the handler with
    /// <see cref="ConcurrencyConflictError"/>. One audit row records the principal's change: the field named after the collection,
    /// before and after as lists of the rows' values (their foreign key left out). A set equal to the stored one writes nothing.
    /// The change tracker is cleared afterwards.
    /// </summary>
    public async Task ReplaceDependentsAsync(object principal, string navigation, IReadOnlyList<object> rows)
    {
        var entry = Db.Entry(principal);
        var dependents = entry.Metadata.FindNavigation(navigation)
            ?? throw new InvalidOperationException($"{entry.Metadata.DisplayName()}.{navigation} is not a navigation.");
        var described = dependents.TargetEntityType.GetProperties()
            .Where(p => !p.IsForeignKey() && !p.IsConcurrencyToken && !p.IsShadowProperty())
            .ToList();
        List<Dictionary<string, object?>> Describe(IEnumerable<object> items) =>
            [.. items.Select(item => described.ToDictionary(p => ChangeCollector.CamelCase(p.Name), p => p.GetGetter().GetClrValueUsingContainingEntity(item)))];

        var before = Describe(entry.Collection(navigation).CurrentValue?.Cast<object>() ?? []);
        var after = Describe(rows);
        if (before.Count == after.Count && before.Zip(after).All(pair => pair.First.All(f => Equals(f.Value, pair.Second[f.Key]))))
        {
            return;
        }

        var type = EntityTypeName(entry.Metadata.ClrType);
        var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
        if (await DependentSets.ReplaceAsync(Db, principal, navigation, rows, CancellationToken).ConfigureAwait(false) is null)
        {
            var values = await entry.GetDatabaseValuesAsync(CancellationToken).ConfigureAwait(false);
            var token = entry.Metadata.GetProperties().First(p => p.IsConcurrencyToken);
            throw new MutationAbortedException(new ConcurrencyConflictError(values is null ? null : Versions.Format(values[token])));
        }

        if (_audit is not null && _audit.Audits(entry.Metadata.ClrType))
        {
            var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal) { [ChangeCollector.CamelCase(navigation)] = new FieldChange(before, after) };
            AuditedChange change = new(type, key, ChangeKind.Updated, fields);
            _audit.Add(Db, this, [change]);
            await SaveAsync().ConfigureAwait(false);
            _changes.Add(change);
        }
    }

    /// <summary>EF Core's SaveChanges, or multi-row inserts where the provider would send one statement per new row.</summary>
    private async Task SaveAsync()
    {
        if (BulkInserter.Applies(Db, out var rows))
        {
            await BulkInserter.InsertAsync(Db, rows, CancellationToken).ConfigureAwait(false);
            return;
        }

        await Db.SaveChangesAsync(CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The GraphQL type name of an entity type when exactly one entity graph type shows it, else the CLR name: an entity two
    /// graph types show (a link seen from either end) gets one name that does not depend on the order types were registered.
    /// </summary>
    public string EntityTypeName(Type entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var names = Field.Schema.AllTypes.OfType<IEntityGraphType>().Where(t => t.EntityType == entityType).Select(t => t.Name).Distinct().Take(2).ToList();
        return names.Count == 1 ? names[0] : entityType.Name;
    }
}
