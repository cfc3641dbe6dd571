using System.Security.Claims;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Security;

public sealed class ProcurementCallerTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData(" 42 ", 42)]
    [InlineData("U3VwcGxpZXI6NDI=", 42)] // Supplier:42
    [InlineData("Q29udHJhY3Q6NDI=", null)] // Contract:42
    [InlineData("0", null)]
    [InlineData("-3", null)]
    [InlineData("forty-two", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Supplier_claim_is_a_key_or_a_supplier_global_id(string? value, int? expected)
    {
        Assert.Equal(expected, ProcurementCaller.ParseSupplierId(value));
    }

    [Fact]
    public void Claim_types_come_from_the_options()
    {
        // Arrange
        var options = new SecurityOptions { RoleClaimType = "app_roles", SupplierClaimType = "vendor", BusinessUnitClaimType = "unit" };
        var identity = new ClaimsIdentity(
            [new("app_roles", "Partner"), new("app_roles", "Procurement.Reader"), new("vendor", GlobalId.Encode("Supplier", 9)), new("unit", "BU-1"), new("name", "Pat")],
            "test", "name", "app_roles");

        // Act
        var caller = ProcurementCaller.From(new ClaimsPrincipal(identity), options);

        // Assert
        Assert.Equal("Pat", caller.Name);
        Assert.Equal(["Partner", "Procurement.Reader"], caller.Roles);
        Assert.Equal(9, caller.SupplierId);
        Assert.Equal("BU-1", caller.BusinessUnit);
        Assert.True(caller.IsPartner);
        Assert.False(caller.IsDevelopmentIdentity);
    }

    [Fact]
    public void Anonymous_caller_has_nothing()
    {
        // Act
        var caller = ProcurementCaller.From(new ClaimsPrincipal(new ClaimsIdentity()), new SecurityOptions());

        // Assert
        Assert.Null(caller.Name);
        Assert.Empty(caller.Roles);
        Assert.Null(caller.SupplierId);
    }
}
