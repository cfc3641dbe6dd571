using System.Linq.Expressions;
using System.Text.Json;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Tests.Subscriptions;

public sealed class ChangeFilterTests
{
    private sealed class Rating
    {
        public int SupplierId { get; set; }

        public int? CategoryId { get; set; }

        public string? Comment { get; set; }
    }

    private static EntityChange Change(ChangeKind kind, params (string Field, object? After)[] fields) =>
        new("Rating", "1", kind, fields.ToDictionary(f => f.Field, f => new FieldChange(null, f.After)), "submitRating", DateTimeOffset.UnixEpoch);

    private static Expression<Func<Rating, bool>> Filter(int supplier, int? category = null)
    {
        Expression<Func<Rating, int?>> supplierKey = r => r.SupplierId;
        Expression<Func<Rating, int?>> categoryKey = r => r.CategoryId;
        var body = Expression.Equal(supplierKey.Body, QueryParameter.Of((int?)supplier));
        if (category is not null)
        {
            body = Expression.AndAlso(body, Expression.Equal(ParameterReplacer.Apply(categoryKey, supplierKey.Parameters[0]), QueryParameter.Of(category)));
        }

        return Expression.Lambda<Func<Rating, bool>>(body, supplierKey.Parameters);
    }

    [Fact]
    public void A_committed_value_that_contradicts_the_filter_rules_the_change_out_and_a_matching_one_does_not()
    {
        // Arrange
        var check = ChangeFilter.From(Filter(42, category: 7))!;

        // Act + Assert
        Assert.True(check(Change(ChangeKind.Created, ("supplierId", 42), ("categoryId", 7))));
        Assert.False(check(Change(ChangeKind.Created, ("supplierId", 43), ("categoryId", 7))));
        Assert.False(check(Change(ChangeKind.Created, ("supplierId", 42), ("categoryId", null))));
    }

    [Fact]
    public void What_the_change_does_not_tell_is_left_to_the_read()
    {
        // Arrange
        var check = ChangeFilter.From(Filter(42))!;

        // Act + Assert: an update that did not change the supplier, a delete (values before), a value of another type
        Assert.True(check(Change(ChangeKind.Updated, ("comment", "better"))));
        Assert.True(check(Change(ChangeKind.Deleted, ("supplierId", null))));
        Assert.True(check(Change(ChangeKind.Updated, ("supplierId", "not a number"))));
        Assert.Null(ChangeFilter.From(null));
        Expression<Func<Rating, bool>> other = r => r.Comment!.StartsWith('x');
        Assert.Null(ChangeFilter.From(other));
    }

    [Fact]
    public void Values_from_a_backplane_as_JSON_are_compared_as_the_property_type()
    {
        // Arrange
        var check = ChangeFilter.From(Filter(42))!;
        using var json = JsonDocument.Parse("""{"match": 42, "other": 41}""");

        // Act + Assert
        Assert.True(check(Change(ChangeKind.Created, ("supplierId", json.RootElement.GetProperty("match").Clone()))));
        Assert.False(check(Change(ChangeKind.Created, ("supplierId", json.RootElement.GetProperty("other").Clone()))));
        Assert.False(check(Change(ChangeKind.Created, ("supplierId", 41L))));
    }

    [Fact]
    public void A_filter_that_names_no_row_rules_out_every_change()
    {
        // Arrange: a malformed id argument becomes a constant false
        var never = ChangeFilter.From(Expression.Lambda<Func<Rating, bool>>(Expression.Constant(false), Expression.Parameter(typeof(Rating), "r")))!;

        // Act + Assert
        Assert.False(never(Change(ChangeKind.Created, ("supplierId", 42))));
    }
}
