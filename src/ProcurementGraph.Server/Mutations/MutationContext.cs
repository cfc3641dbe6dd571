using System.Linq.Expressions;
using System.Security.Claims;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Server.Authorization;
using ProcurementGraph.Server.Querying;
using ProcurementGraph.Server.Querying.Expressions;
using ProcurementGraph.Server.Querying.Metadata;

namespace ProcurementGraph.Server.Mutations;

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
    /// write rules refuse is <c>AUTH_NOT_AUTHORIZED</c>.
    /// </summary>
    public async Task<T> FindWritableAsync<T>(Expression<Func<T, bool>> predicate, MutationInput input, string idField)
        where T : class
    {
        var row = predicate.Parameters[0];
        var writable = _writeRules?.ForWrite(typeof(T)) is { } rule ? ParameterReplacer.Apply(rule, row) : Expression.Constant(true);
        var candidate = Expression.Lambda<Func<T, Candidate<T>>>(
            Expression.MemberInit(
                Expression.New(typeof(Candidate<T>)),
                Expression.Bind(typeof(Candidate<T>).GetProperty(nameof(Candidate<T>.Entity))!, row),
                Expression.Bind(typeof(Candidate<T>).GetProperty(nameof(Candidate<T>.Writable))!, writable)),
            row);
        var rows = Db.Set<T>().AsTracking().Where(predicate);
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

    /// <summary>The GraphQL type name of an entity type (its entity graph type's name), else the CLR name.</summary>
    public string EntityTypeName(Type entityType) =>
        Field.Schema.AllTypes.OfType<IEntityGraphType>().FirstOrDefault(t => t.EntityType == entityType)?.Name ?? entityType.Name;
}
